using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Commands.CastVote;
using CleanGames.Application.Mafia.Games.Commands.SendChat;
using CleanGames.Application.Mafia.Games.Commands.SendEmoji;
using CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;

namespace CleanGames.WebApi.Mafia;

/// <summary>Mafia's transport: its sockets' dialect, the <c>mafia.*</c> realtime commands, reconnect tokens, the hub sink, the seed-000 sockets and the hubs.</summary>
public static class MafiaEndpoints
{
    public static IServiceCollection AddMafiaTransport(this IServiceCollection services)
    {
        // The sockets outside /api answer a refused upgrade in the FastAPI dialect, as /api does.
        services.Configure<DialectRouteOptions>(routes => routes
            .MapPrefix("/ws/games", ApiDialect.FastApi)
            .MapExact("/ws/notifications", ApiDialect.FastApi));
        services.AddRealtimeCommand<MafiaGameFrame, MafiaSuccess>(MafiaRealtime.Domain, "vote", (f, call) => new CastVoteCommand(f.For(call), f.TargetId));
        services.AddRealtimeCommand<MafiaGameFrame, MafiaSuccess>(MafiaRealtime.Domain, "night_action", (f, call) => new SubmitNightActionCommand(f.For(call), f.Action ?? string.Empty, f.TargetId ?? string.Empty));
        services.AddRealtimeCommand<MafiaGameFrame, MafiaSuccess>(MafiaRealtime.Domain, "chat", (f, call) => new SendChatCommand(f.For(call), f.Message));
        services.AddRealtimeCommand<MafiaGameFrame, MafiaSuccess>(MafiaRealtime.Domain, "emoji", (f, call) => new SendEmojiCommand(f.For(call), f.Emoji));
        services.AddSingleton<ReconnectTokens>();
        services.AddSingleton<IRealtimeSink, MafiaHubSink>();
        services.AddSingleton<NotificationListeners>();
        services.AddSingleton<IQueueListeners>(sp => sp.GetRequiredService<NotificationListeners>());
        return services;
    }

    /// <summary>The seed-000 sockets (<c>/ws/games/{game_id}</c>, <c>/api/game/{game_id}/ws</c>, <c>/ws/notifications</c>) and <c>/hubs/game</c>, <c>/hubs/notifications</c>.</summary>
    public static IEndpointRouteBuilder MapMafia(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ws/games/{game_id}", MafiaSockets.GameAsync).AllowAnonymous().AcceptsQueryTokenOnUpgrade().WithDialect(ApiDialect.FastApi).ExcludeFromDescription();
        endpoints.MapGet("/api/game/{game_id}/ws", MafiaSockets.GameAsync).AllowAnonymous().AcceptsQueryTokenOnUpgrade().WithDialect(ApiDialect.FastApi).ExcludeFromDescription();
        endpoints.MapGet("/ws/notifications", MafiaSockets.NotificationsAsync).AllowAnonymous().AcceptsQueryTokenOnUpgrade().WithDialect(ApiDialect.FastApi).ExcludeFromDescription();
        endpoints.MapHub<GameHub>("/hubs/game", RealtimeHubs.CloseOnTokenExpiry).RequireAuthorization().AcceptsQueryToken();
        endpoints.MapHub<NotificationsHub>("/hubs/notifications", RealtimeHubs.CloseOnTokenExpiry).RequireAuthorization().AcceptsQueryToken();
        return endpoints;
    }
}
