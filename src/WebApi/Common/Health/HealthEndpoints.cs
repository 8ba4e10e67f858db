using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanGames.WebApi.Common.Health;

public static class HealthEndpoints
{
    public sealed record HealthReportResponse(string Status, IReadOnlyDictionary<string, string>? Checks);

    /// <summary>
    /// <c>/health/live</c>: the process serves. <c>/health/ready</c>: migrations and reference data
    /// are applied and the database answers (503 until then). Both are in the OpenAPI document.
    /// </summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/health").WithTags("Health").AllowAnonymous();

        group.MapGet("/live", () => TypedResults.Ok(new HealthReportResponse("healthy", null)))
            .WithName("HealthLive")
            .WithSummary("Liveness: answers 200 as soon as the process serves requests.");

        group.MapGet("/ready", async Task<IResult> (HealthCheckService health, CancellationToken cancellationToken) =>
            {
                var report = await health.CheckHealthAsync(r => r.Tags.Contains("ready"), cancellationToken);
                var body = new HealthReportResponse(
                    report.Status == HealthStatus.Healthy ? "healthy" : "unhealthy",
                    report.Entries.ToDictionary(e => e.Key, e => e.Value.Status == HealthStatus.Healthy ? "healthy" : "unhealthy"));
                return report.Status == HealthStatus.Healthy
                    ? TypedResults.Ok(body)
                    : TypedResults.Json(body, statusCode: StatusCodes.Status503ServiceUnavailable);
            })
            .WithName("HealthReady")
            .WithSummary("Readiness: 200 once migrations and reference data are applied and the database answers; 503 before.")
            .Produces<HealthReportResponse>(StatusCodes.Status200OK)
            .Produces<HealthReportResponse>(StatusCodes.Status503ServiceUnavailable);

        return endpoints;
    }
}
