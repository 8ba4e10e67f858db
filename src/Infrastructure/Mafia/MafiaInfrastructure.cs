using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.Infrastructure.Mafia;

internal static class MafiaInfrastructure
{
    /// <summary>Mafia's adapters: phase deadlines on Quartz (retried, rescheduled after every start, and swept every few seconds) and who may take a seat.</summary>
    public static IServiceCollection AddMafiaInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IPhaseDeadlineScheduler, QuartzPhaseDeadlineScheduler>();
        services.AddScoped<IPlayerStanding, AccountPlayerStanding>();
        services.AddQuartz(quartz => quartz.ScheduleJob<RescheduleDeadlinesJob>(
            trigger => trigger.WithIdentity("mafia.reschedule-deadlines.start").StartNow(),
            job => job.WithIdentity(RescheduleDeadlinesJob.Key).StoreDurably()));

        services.AddOptions<MafiaSchedulingOptions>().BindConfiguration(MafiaSchedulingOptions.Section)
            .Validate(o => o.DeadlineSweepSeconds >= 0, "Mafia:DeadlineSweepSeconds must be 0 (off) or positive.")
            .ValidateOnStart();
        services.AddHostedService<DeadlineSweepSchedule>();
        return services;
    }
}
