using CleanGames.Infrastructure.Authentication;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure;

public static class DependencyInjection
{
    /// <summary>Adapters for every port: the database, repositories, JWT, the scheduler and health checks.</summary>
    public static IServiceCollection AddInfrastructure(this IServiceCollection services)
    {
        services.AddPersistence();
        services.AddJwtAuthentication();
        services.AddScheduling();
        return services;
    }
}
