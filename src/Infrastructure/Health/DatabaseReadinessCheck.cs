using CleanGames.Infrastructure.Persistence;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CleanGames.Infrastructure.Health;

/// <summary>Ready = migrations and seeding have completed and the database answers now.</summary>
internal sealed class DatabaseReadinessCheck(DatabaseReadiness readiness, ApplicationDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!readiness.IsReady)
        {
            // Starting is expected, not a fault: reported as degraded (not ready, logged as a warning).
            return HealthCheckResult.Degraded("Migrations and reference data are still being applied.");
        }

        return await db.Database.CanConnectAsync(cancellationToken)
            ? HealthCheckResult.Healthy("The database answers.")
            : HealthCheckResult.Unhealthy("The database does not answer.");
    }
}
