using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Infrastructure.Mafia.Voice;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.Infrastructure.Mafia;

internal static class MafiaInfrastructure
{
    /// <summary>Mafia's adapters: phase deadlines on Quartz (retried, rescheduled after every start, and swept every few seconds), who may take a seat (bans and restrictions, lifted on time by Quartz), the economy's catalogue and its (simulated) chain, the social gift catalogue and rating averages, and voice's join tokens.</summary>
    public static IServiceCollection AddMafiaInfrastructure(this IServiceCollection services)
    {
        services.AddSingleton<IPhaseDeadlineScheduler, QuartzPhaseDeadlineScheduler>();
        services.AddScoped<IPlayerStanding, Moderation.EfPlayerStanding>();
        services.AddOptions<ModerationOptions>().BindConfiguration(ModerationOptions.Section)
            .Validate(o => o.ExpirySweepSeconds is >= 1 and <= 60, "Moderation:ExpirySweepSeconds must be between 1 and 60.")
            .Validate(o => o.ExpiryBatchSize is >= 1 and <= 1000, "Moderation:ExpiryBatchSize must be between 1 and 1000.")
            .Validate(o => o.AutoRestrictAfterReports is >= 1 and <= 100, "Moderation:AutoRestrictAfterReports must be between 1 and 100.")
            .Validate(o => o.AutoRestrictHours is >= 1 and <= 720, "Moderation:AutoRestrictHours must be between 1 and 720.")
            .ValidateOnStart();
        services.AddHostedService<Moderation.ModerationExpirySchedule>();
        services.AddQuartz(quartz => quartz.ScheduleJob<RescheduleDeadlinesJob>(
            trigger => trigger.WithIdentity("mafia.reschedule-deadlines.start").StartNow(),
            job => job.WithIdentity(RescheduleDeadlinesJob.Key).StoreDurably()));

        services.AddOptions<MafiaSchedulingOptions>().BindConfiguration(MafiaSchedulingOptions.Section)
            .Validate(o => o.DeadlineSweepSeconds >= 0, "Mafia:DeadlineSweepSeconds must be 0 (off) or positive.")
            .ValidateOnStart();
        services.AddHostedService<DeadlineSweepSchedule>();

        services.AddSingleton<IEconomyCatalog>(_ => Economy.EconomyCatalogFile.Load());
        services.AddSingleton<ISocialGiftCatalog>(_ => Social.SocialGiftCatalogFile.Load());
        services.AddScoped<ILinguisticScores, Social.EfLinguisticScores>();
        services.AddOptions<Economy.ChainOptions>().BindConfiguration(Economy.ChainOptions.Section)
            .Validate(o => o.Mode == "Simulated", "Economy:Chain:Mode: only Simulated is built (it moves no real funds).")
            .Validate(o => !string.IsNullOrEmpty(o.Seed), "Economy:Chain:Seed must not be empty.")
            .Validate(o => o.FailureRate is >= 0 and <= 1, "Economy:Chain:FailureRate must be between 0 and 1.")
            .ValidateOnStart();
        services.AddSingleton<IChainGateway, Economy.SimulatedChainGateway>();
        services.AddScoped<IEarningsBoard, Economy.EfEarningsBoard>();
        services.AddOptions<EconomyOptions>().BindConfiguration(EconomyOptions.Section)
            .Validate(o => o.MinWithdrawal >= 1, "Economy:MinWithdrawal must be at least 1.")
            .Validate(o => o.PayoutIntervalSeconds >= 0, "Economy:PayoutIntervalSeconds must be 0 (off) or positive.")
            .Validate(o => o.PayoutBatchSize is >= 1 and <= 1000, "Economy:PayoutBatchSize must be between 1 and 1000.")
            .Validate(o => o.RewardSweepSeconds >= 0, "Economy:RewardSweepSeconds must be 0 (off) or positive.")
            .Validate(o => o.MaxRewardedGamesPerDay >= 1, "Economy:MaxRewardedGamesPerDay must be at least 1.")
            .ValidateOnStart();
        services.AddHostedService<Economy.PayoutSchedule>();
        services.AddSingleton<Economy.RewardsSweep>();
        services.AddSingleton<IRewardsSweep>(sp => sp.GetRequiredService<Economy.RewardsSweep>());
        services.AddHostedService(sp => sp.GetRequiredService<Economy.RewardsSweep>());
        services.AddVoice();
        services.AddMatchmaking();
        return services;
    }

    /// <summary>The queue: its mode table, the matcher (run on every join and swept by Quartz every <c>Matchmaking:SweepSeconds</c>).</summary>
    private static IServiceCollection AddMatchmaking(this IServiceCollection services)
    {
        services.AddSingleton<IMatchmakingModes>(_ => Matchmaking.MatchmakingModesFile.Load());
        services.AddOptions<MatchmakingOptions>().BindConfiguration(MatchmakingOptions.Section)
            .Validate(o => o.WidenAfterSeconds >= 0, "Matchmaking:WidenAfterSeconds must be 0 or positive.")
            .Validate(o => o.DisconnectGraceSeconds >= 1, "Matchmaking:DisconnectGraceSeconds must be at least 1.")
            .Validate(o => o.SweepSeconds is >= 1 and <= 60, "Matchmaking:SweepSeconds must be between 1 and 60.")
            .ValidateOnStart();
        services.AddSingleton<Matchmaking.QueueMatcherRunner>();
        services.AddSingleton<IMatchmakingTrigger>(sp => sp.GetRequiredService<Matchmaking.QueueMatcherRunner>());
        services.AddHostedService(sp => sp.GetRequiredService<Matchmaking.QueueMatcherRunner>());
        services.AddHostedService<Matchmaking.MatchmakingSweepSchedule>();
        return services;
    }
}
