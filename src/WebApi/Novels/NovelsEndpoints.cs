using CleanGames.Application.Novels.Common;
using CleanGames.WebApi.Common.Dialects;

namespace CleanGames.WebApi.Novels;

/// <summary>Novels' transport: the dialect of <c>/api/v1</c> and the links its answers carry (its controllers are attribute-routed; it has no sockets or hubs yet).</summary>
public static class NovelsEndpoints
{
    public static IServiceCollection AddNovelsTransport(this IServiceCollection services)
    {
        // Seed 004 lives under /api/v1, inside the FastAPI /api space: the longer prefix wins.
        services.Configure<DialectRouteOptions>(routes => routes.MapPrefix("/api/v1", ApiDialect.Novels));
        services.AddHttpContextAccessor();
        services.AddScoped<INovelLinks, HttpNovelLinks>();
        NovelsRateLimits.AddPolicies(services);
        return services;
    }
}
