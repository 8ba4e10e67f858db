using CleanGames.Application.Common.Behaviours;
using CleanGames.Infrastructure.Authentication;
using CleanGames.Infrastructure.BotAnalytics;
using CleanGames.Infrastructure.Identity;
using CleanGames.Infrastructure.Kitchen;
using CleanGames.Infrastructure.Mafia;
using CleanGames.Infrastructure.Novels;
using CleanGames.Infrastructure.Operations;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Idempotency;
using CleanGames.Infrastructure.RateLimiting;
using CleanGames.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure;

public static class DependencyInjection
{
    /// <summary>
    /// Adapters for every port: the platform's (the database, repositories, idempotency keys, JWT, the
    /// scheduler and health checks), then each module's, one line per module.
    /// </summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddPersistence();
        services.AddIdempotency();
        services.AddJwtAuthentication();
        services.AddScheduling();
        services.AddOptions<AccountRateLimitOptions>().BindConfiguration(AccountRateLimitOptions.Section)
            .Validate(o => o.PerAccountPerMinute.Values.All(v => v > 0), "RateLimiting:PerAccountPerMinute values must be positive.")
            .ValidateOnStart();
        services.AddSingleton<IRequestRateLimiter, RequestRateLimiter>();

        services.AddIdentityInfrastructure();
        services.AddKitchenInfrastructure();
        services.AddMafiaInfrastructure();
        services.AddBotAnalyticsInfrastructure();
        services.AddNovelsInfrastructure();
        services.AddOperationsInfrastructure();
        return services;
    }
}
