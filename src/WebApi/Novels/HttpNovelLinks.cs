using CleanGames.Application.Novels.Common;

namespace CleanGames.WebApi.Novels;

/// <summary>Links on the API's own origin, as the client reached it (forwarded headers from trusted proxies already applied).</summary>
internal sealed class HttpNovelLinks(IHttpContextAccessor http) : INovelLinks
{
    public string CoverUrl(Guid novelId)
    {
        var path = $"/api/v1/covers/{novelId}";
        return http.HttpContext?.Request is { } request ? $"{request.Scheme}://{request.Host}{path}" : path;
    }
}
