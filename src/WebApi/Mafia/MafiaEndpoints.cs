using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;

namespace CleanGames.WebApi.Mafia;

/// <summary>Mafia's transport: its sockets' dialect, reconnect tokens, the hub sink, the seed-000 sockets and the hubs.</summary>
public static class MafiaEndpoints
{
    public static IServiceCollection AddMafiaTransport(this IServiceCollection services)
    {
        // The sockets outside /api answer a refused upgrade in the FastAPI dialect, as /api does.
        services.Configure<DialectRouteOptions>(routes => routes
            .MapPrefix("/ws/games", ApiDialect.FastApi)
            .MapExact("/ws/notifications", ApiDialect.FastApi));
        services.AddDataProtection();
        services.AddSingleton<ReconnectTokens>();
        services.AddSingleton<IRealtimeSink, MafiaHubSink>();
        return services;
    }

    /// <summary>The seed-000 sockets (<c>/ws/games/{game_id}</c>, <c>/api/game/{game_id}/ws</c>, <c>/ws/notifications</c>) and <c>/hubs/game</c>, <c>/hubs/notifications</c>.</summary>
    public static IEndpointRouteBuilder MapMafia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ws/games/{game_id}", MafiaSockets.GameAsync).AllowAnonymous().WithDialect(ApiDialect.FastApi).ExcludeFromDescription();
        endpoints.MapGet("/api/game/{game_id}/ws", MafiaSockets.GameAsync).AllowAnonymous().WithDialect(ApiDialect.FastApi).ExcludeFromDescription();
        endpoints.MapGet("/ws/notifications", MafiaSockets.NotificationsAsync).AllowAnonymous().WithDialect(ApiDialect.FastApi).ExcludeFromDescription();
        endpoints.MapHub<GameHub>("/hubs/game").RequireAuthorization();
        endpoints.MapHub<NotificationsHub>("/hubs/notifications").RequireAuthorization();
        return endpoints;
    }
}
