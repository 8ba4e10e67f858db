using CleanGames.Application.Operations.Common;

namespace CleanGames.WebApi.Operations;

/// <summary>The operators' transport: the census of this instance's realtime connections (its controllers are attribute-routed).</summary>
public static class OperationsEndpoints
{
    public static IServiceCollection AddOperationsTransport(this IServiceCollection services)
    {
        services.AddSingleton<IConnectionCensus, ConnectionCensus>();
        return services;
    }
}
