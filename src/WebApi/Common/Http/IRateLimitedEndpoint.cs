namespace CleanGames.WebApi.Common.Http;

/// <summary>
/// Marks an endpoint that can answer 429 through a limit of its own (not ASP.NET's
/// <c>[EnableRateLimiting]</c>, which the API reference already reads), so the reference documents it.
/// </summary>
public interface IRateLimitedEndpoint
{
}
