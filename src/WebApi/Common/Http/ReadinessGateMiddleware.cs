using CleanGames.Application.Common.Abstractions;
using CleanGames.WebApi.Common.Dialects;

namespace CleanGames.WebApi.Common.Http;

/// <summary>
/// Until migrations and reference data are in place, only the health endpoints, the OpenAPI
/// document and the API reference answer; everything else gets 503 with <c>Retry-After</c> in the
/// route's dialect rather than touching a half-built database.
/// </summary>
public sealed class ReadinessGateMiddleware(RequestDelegate next, IServiceReadiness readiness, ApiErrorResponder responder)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (readiness.IsReady || IsAlwaysOpen(context.Request.Path))
        {
            return next(context);
        }

        return responder.WriteAsync(context, ApiError.From(TransportErrors.Starting) with { RetryAfter = TimeSpan.FromSeconds(1) });
    }

    /// <summary>Paths that answer before the database is ready; every other route can answer 503.</summary>
    internal static bool IsAlwaysOpen(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/openapi") || path.StartsWithSegments("/scalar");
}
