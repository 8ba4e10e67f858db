using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.Infrastructure.Scheduling;

internal static class SchedulingRegistration
{
    /// <summary>
    /// Quartz runs every timed process. Modules add their jobs with <c>services.AddQuartz(q => ...)</c>
    /// in their <c>Add&lt;Module&gt;Infrastructure()</c> (the calls compose). On shutdown the scheduler
    /// stops firing and waits for running jobs, and jobs are idempotent commands, so a deadline missed
    /// while down is acted on after start.
    /// </summary>
    public static IServiceCollection AddScheduling(this IServiceCollection services)
    {
        services.AddQuartz(quartz =>
        {
            // The scheduler's own timers run on real time, whatever TimeProvider the application uses
            // (tests move a fake one by days; a scheduler on it would backfill every missed firing).
            quartz.UseTimeProvider(TimeProvider.System);
            quartz.UseInMemoryStore();
        });
        services.AddHostedService<ServerRunStart>();
        services.AddQuartzHostedService(options => options.WaitForJobsToComplete = true);
        return services;
    }
}
