using CleanGames.Application.Identity.Commands.SignInWithTelegram;
using CleanGames.Application.Identity.Common;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Common.Security;
using CleanGames.Infrastructure.Persistence;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleanGames.Infrastructure.Identity;

internal static class IdentityInfrastructure
{
    /// <summary>Identity's adapters: password hashing, the sign-in throttle, the Telegram admin list, the bootstrap admin, stored roles, Telegram proofs, the account directory other modules read, and the hourly purges of dead sessions and expired spent Telegram proofs.</summary>
    public static IServiceCollection AddIdentityInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.RefreshTokenDays > 0 && o.RefreshIdleDays > 0,
                "Jwt:RefreshTokenDays and Jwt:RefreshIdleDays must be positive.")
            .Validate(o => o.RefreshGraceSeconds is >= 0 and <= SessionOptions.MaxRefreshGraceSeconds,
                $"Jwt:RefreshGraceSeconds must be 0–{SessionOptions.MaxRefreshGraceSeconds} (0 turns the grace window off).")
            .ValidateOnStart();
        services.AddOptions<SignInThrottleOptions>().BindConfiguration(SignInThrottleOptions.Section)
            .Validate(o => o.FreeFailures >= 1, "Identity:SignInThrottle:FreeFailures must be at least 1.")
            .Validate(o => o.FirstDelaySeconds >= 1 && o.MaxDelaySeconds >= o.FirstDelaySeconds,
                "Identity:SignInThrottle:FirstDelaySeconds must be at least 1 and MaxDelaySeconds at least FirstDelaySeconds.")
            .Validate(o => o.ForgetAfterHours >= 1 && o.ForgetAfterHours * 3600L > o.MaxDelaySeconds,
                "Identity:SignInThrottle:ForgetAfterHours must be at least 1 and longer than MaxDelaySeconds.")
            .ValidateOnStart();
        services.AddSingleton<ISignInThrottle, EfSignInThrottle>();
        services.AddOptions<IdentityOptions>().BindConfiguration(IdentityOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<IdentityOptions>, IdentityOptionsValidation>();
        services.AddSingleton<IPasswordHasher, AspNetPasswordHasher>();
        services.AddSingleton<IAdminDirectory, ConfiguredAdminDirectory>();
        services.AddScoped<IRoleStore, StoredRoles>();
        services.AddReferenceDataSeeder<BootstrapAdminSeeder>();
        services.AddOptions<TelegramOptions>().BindConfiguration(TelegramOptions.Section)
            .Validate(o => o.AuthMaxAgeSeconds > 0, "Telegram:AuthMaxAgeSeconds must be positive.")
            .ValidateOnStart();
        services.AddSingleton<ITelegramLoginVerifier, TelegramLoginVerifier>();
        services.AddScoped<IAccountDirectory, AccountDirectory>();
        services.AddScoped<IAccountBans, AccountBans>();
        services.AddQuartz(quartz => quartz.ScheduleJob<IdentityPurgeJob>(
            trigger => trigger.WithIdentity("identity.purge.hourly")
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(schedule => schedule.WithInterval(TimeSpan.FromHours(1)).RepeatForever()),
            job => job.WithIdentity(IdentityPurgeJob.Key)));
        return services;
    }
}
