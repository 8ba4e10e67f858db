using CleanGames.Application.Common.Idempotency;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace CleanGames.Infrastructure.Persistence.Idempotency;

internal static class IdempotencyRegistration
{
    /// <summary>The idempotency-key store, its options (<c>Idempotency</c>) and the hourly purge of expired keys.</summary>
    public static IServiceCollection AddIdempotency(this IServiceCollection services)
    {
        services.AddOptions<IdempotencyOptions>().BindConfiguration(IdempotencyOptions.Section)
            .Validate(o => o.RetentionHours >= 1, "Idempotency:RetentionHours must be at least 1.")
            .Validate(o => o.TakeoverSeconds >= 1, "Idempotency:TakeoverSeconds must be at least 1.")
            .Validate(o => o.MaxResponseBytes is >= 0 and <= 1024 * 1024, "Idempotency:MaxResponseBytes must be 0–1048576.")
            .Validate(o => o.MaxKeysPerAccount >= 1, "Idempotency:MaxKeysPerAccount must be at least 1.")
            .ValidateOnStart();
        services.AddSingleton<IIdempotencyStore, EfIdempotencyStore>();
        services.AddQuartz(quartz => quartz.ScheduleJob<IdempotencyPurgeJob>(
            trigger => trigger.WithIdentity("platform.idempotency.purge.hourly")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
            job => job.WithIdentity(IdempotencyPurgeJob.Key)));
        return services;
    }
}
