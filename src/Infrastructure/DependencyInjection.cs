using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Identity.Common;
using CleanGames.Infrastructure.Authentication;
using CleanGames.Infrastructure.Identity;
using CleanGames.Infrastructure.Kitchen;
using CleanGames.Infrastructure.Mafia;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Adapters for every port: the database, repositories, JWT, the scheduler and health checks.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddOptions<PipelineOptions>().BindConfiguration(PipelineOptions.Section);
        services.AddOptions<SessionOptions>().BindConfiguration(SessionOptions.Section)
            .Validate(o => o.RefreshTokenDays > 0 && o.RefreshIdleDays > 0 && o.MaxFailedSignInsPerHour > 0,
                "Jwt:RefreshTokenDays, Jwt:RefreshIdleDays and Jwt:MaxFailedSignInsPerHour must be positive.")
            .ValidateOnStart();
        services.AddPersistence();
        services.AddJwtAuthentication();
        services.AddIdentityAdapters();
        services.AddScheduling();
        services.AddKitchen();
        services.AddMafia();
        return services;
    }
}
