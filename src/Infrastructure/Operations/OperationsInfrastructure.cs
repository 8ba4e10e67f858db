using CleanGames.Application.Operations.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Operations;

internal static class OperationsInfrastructure
{
    /// <summary>The operators' views: this instance's heartbeat into the shared database, and the scheduler's triggers.</summary>
    public static IServiceCollection AddOperationsInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<OperationsOptions>().BindConfiguration(OperationsOptions.Section)
            .Validate(o => o.HeartbeatSeconds is >= 1 and <= 3600, "Operations:HeartbeatSeconds must be 1–3600.")
            .ValidateOnStart();
        services.AddSingleton<IScheduledJobs, QuartzScheduledJobs>();
        services.AddHostedService<InstanceHeartbeatSchedule>();
        return services;
    }
}
