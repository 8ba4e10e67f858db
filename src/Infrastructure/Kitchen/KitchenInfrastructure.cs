using CleanGames.Application.Kitchen.Common;
using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;
using CleanGames.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleanGames.Infrastructure.Kitchen;

internal static class KitchenInfrastructure
{
    /// <summary>Kitchen's adapters: the catalogue and its seeder, the in-memory session store with its write-behind and shutdown flush, and the leaderboard reader.</summary>
    public static IServiceCollection AddKitchenInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<KitchenOptions>().BindConfiguration(KitchenOptions.Section)
            .Validate(o => o.IsValid(), "Kitchen:* settings are out of range (MaxCooksPerSecond 1..100000, OfflineCapHours > 0, WriteBehindMilliseconds 50..1000, IdleEvictMinutes >= 1).")
            .ValidateOnStart();
        services.AddReferenceDataSeeder<KitchenReferenceDataSeeder>();
        services.AddSingleton<IKitchenCatalogProvider, KitchenCatalogProvider>();
        services.AddSingleton<KitchenSessionPersistence>();
        services.AddSingleton<InMemoryKitchenSessionStore>();
        services.AddSingleton<IKitchenSessionStore>(sp => sp.GetRequiredService<InMemoryKitchenSessionStore>());
        services.AddHostedService<KitchenShutdownFlush>();

        // The interval is read when the scheduler starts, so configuration applied late still counts.
        services.AddQuartz(quartz => quartz.ScheduleJob<KitchenWriteBehindJob>(
            (sp, trigger) => trigger.WithIdentity("kitchen.write-behind.interval")
                .StartNow()
                .WithSimpleSchedule(schedule => schedule
                    .WithInterval(TimeSpan.FromMilliseconds(sp.GetRequiredService<IOptions<KitchenOptions>>().Value.WriteBehindMilliseconds))
                    .RepeatForever()
                    // Firings missed while the process was paused are not made up: one write covers them all.
                    .WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)),
            (_, job) => job.WithIdentity(KitchenWriteBehindJob.Key)));
        return services;
    }
}
