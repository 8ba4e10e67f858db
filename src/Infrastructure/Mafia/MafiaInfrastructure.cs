using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.Infrastructure.Mafia;

internal static class MafiaInfrastructure
{
    /// <summary>Mafia's adapters: phase deadlines on Quartz (rescheduled after every start) and who may take a seat.</summary>
    public static IServiceCollection AddMafiaInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IPhaseDeadlineScheduler, QuartzPhaseDeadlineScheduler>();
        services.AddScoped<IPlayerStanding, AccountPlayerStanding>();
        services.AddQuartz(quartz => quartz.ScheduleJob<RescheduleDeadlinesJob>(
            trigger => trigger.WithIdentity("mafia.reschedule-deadlines.start").StartNow(),
            job => job.WithIdentity(RescheduleDeadlinesJob.Key).StoreDurably()));
        return services;
    }
}
