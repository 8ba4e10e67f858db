using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Commands.SendChat;
using CleanGames.Application.Mafia.Games.Commands.SendEmoji;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Games.Queries.JoinGame;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;
using MediatR;

namespace CleanGames.WebApi.Mafia;

/// <summary>
/// The seed-000 sockets: <c>/ws/games/{game_id}</c> (also <c>/api/game/{game_id}/ws</c>) and
/// <c>/ws/notifications</c>. The token comes as <c>?token=</c> or a bearer header (or, for a game
/// socket, a <c>?reconnect_token=</c> it issued); a <c>user_id</c> in the query is never trusted
/// alone: it must be the token's subject.
/// </summary>
internal static partial class MafiaSockets
{
    private static readonly TimeSpan SendTimeout = TimeSpan.FromSeconds(10);

    public static async Task GameAsync(HttpContext context, string game_id, IServiceScopeFactory scopes, WebSocketConnectionTracker tracker,
        SocketSubscriptions subscriptions, ReconnectTokens reconnects, IClock clock, ILoggerFactory loggers)
    {
        var responder = context.RequestServices.GetRequiredService<ApiErrorResponder>();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.MafiaUpgradeRequired));
            return;
        }

        var user = context.User.Identity?.IsAuthenticated == true ? context.User : null;
        if (user is null && context.Request.Query["reconnect_token"].FirstOrDefault() is { Length: > 0 } reconnect)
        {
            if (!Guid.TryParse(game_id, CultureInfo.InvariantCulture, out var requested))
            {
                // A malformed id names no game, whatever the token.
                await responder.WriteAsync(context, ApiError.From(MafiaErrors.GameNotFound));
                return;
            }

            user = reconnects.Redeem(reconnect, requested);
        }

        if (await RefuseAsync(context, responder, user) || user is null)
        {
            return;
        }

        JoinedGame joined;
        try
        {
            joined = await JoinAsync(scopes, user, game_id, context.RequestAborted);
        }
        catch (Exception exception) when (ExceptionMapping.IsExpected(exception))
        {
            await responder.WriteAsync(context, ExceptionMapping.ToApiError(exception));
            return;
        }

        var accountId = AccountOf(user);
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = tracker.Track(socket);
        var logger = loggers.CreateLogger("CleanGames.WebApi.Mafia.GameSocket");
        using var pusher = new SocketPusher(connection, capacity: 256, framesSupersede: false, SendTimeout, logger);
        var connectionId = "game_" + Guid.NewGuid().ToString("N");
        // Events from the moment of subscribing wait behind connected and a state read after it, so none is missed or comes first.
        pusher.Hold();
        using var subscription = subscriptions.Subscribe(MafiaTopics.Game(joined.GameId), joined.IsPlayer ? accountId : MafiaTopics.Observers,
            new SocketSubscriber(connectionId, MafiaFrames.Frame, pusher));
        try
        {
            joined = await JoinAsync(scopes, user, game_id, context.RequestAborted);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogJoinFailed(logger, exception, joined.GameId);
            await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.InternalServerError, "The game could not be read; reconnect.");
            return;
        }

        var isAdmin = user.HasClaim(AccountClaimTypes.Role, Roles.Admin);
        var connected = MafiaFrames.Frame("connected", new { reconnect_token = reconnects.Issue(joined.GameId, accountId, isAdmin), timestamp = GameViews.Timestamp(clock.UtcNow) });
        var state = MafiaFrames.Frame("game_state", joined.State);
        if (joined.Role is { } role)
        {
            pusher.Release(connected, state, MafiaFrames.Frame("role_assigned", role));
        }
        else
        {
            pusher.Release(connected, state);
        }

        await ReadLoopAsync(connection, pusher, context.RequestAborted, async (type, frame) => type switch
        {
            "chat" => await SendAsync(scopes, user, connectionId, new SendChatCommand(game_id, frame.TryGetProperty("message", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString() : null), tracker),
            "emoji" => await SendAsync(scopes, user, connectionId, new SendEmojiCommand(game_id, frame.TryGetProperty("emoji", out var e) && e.ValueKind == JsonValueKind.String ? e.GetString() : null), tracker),
            _ => MafiaFrames.Error($"Unknown message type \"{type}\"; send ping, chat or emoji."),
        });
        await pusher.DrainAsync();
    }

    public static async Task NotificationsAsync(HttpContext context, WebSocketConnectionTracker tracker, SocketSubscriptions subscriptions, ILoggerFactory loggers)
    {
        var responder = context.RequestServices.GetRequiredService<ApiErrorResponder>();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.MafiaUpgradeRequired));
            return;
        }

        var user = context.User.Identity?.IsAuthenticated == true ? context.User : null;
        if (await RefuseAsync(context, responder, user) || user is null)
        {
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = tracker.Track(socket);
        using var pusher = new SocketPusher(connection, capacity: 256, framesSupersede: false, SendTimeout, loggers.CreateLogger("CleanGames.WebApi.Mafia.NotificationSocket"));
        using var subscription = subscriptions.Subscribe(MafiaTopics.Notifications, AccountOf(user),
            new SocketSubscriber("notify_" + Guid.NewGuid().ToString("N"), MafiaFrames.Frame, pusher));
        await ReadLoopAsync(connection, pusher, context.RequestAborted,
            (type, _) => Task.FromResult<byte[]?>(MafiaFrames.Error($"Unknown message type \"{type}\"; this socket only answers ping.")));
        await pusher.DrainAsync();
    }

    private static async Task<JoinedGame> JoinAsync(IServiceScopeFactory scopes, ClaimsPrincipal user, string gameId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Use(user);
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new JoinGameQuery(gameId), cancellationToken);
    }

    /// <summary>401 without a verified caller; 403 when the query's <c>user_id</c> is someone else.</summary>
    private static async Task<bool> RefuseAsync(HttpContext context, ApiErrorResponder responder, ClaimsPrincipal? user)
    {
        if (user is null)
        {
            await responder.WriteAsync(context, ApiError.Unauthenticated());
            return true;
        }

        if (context.Request.Query["user_id"].FirstOrDefault() is { } claimed && claimed != user.FindFirstValue(AccountClaimTypes.Subject))
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.UserMismatch));
            return true;
        }

        return false;
    }

    /// <summary>
    /// Answers <c>ping</c> with <c>pong</c> and hands other frames to <paramref name="handle"/>; a bad
    /// frame gets <c>{"type":"error","detail"}</c> and the socket stays open; over 64 KiB closes it (1009).
    /// Every outgoing frame goes through the socket's pusher, so answers and events keep their order.
    /// </summary>
    private static async Task ReadLoopAsync(WebSocketConnectionTracker.Connection connection, SocketPusher pusher, CancellationToken requestAborted,
        Func<string, JsonElement, Task<byte[]?>> handle)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closing);
        var inbound = new ArrayBufferWriter<byte>(1024);
        try
        {
            await WebSocketFrames.ReadMessagesAsync(connection, inbound,
                async utf8 =>
                {
                    if (await AnswerAsync(utf8, handle) is { } answer)
                    {
                        pusher.Push(answer);
                    }
                },
                () =>
                {
                    pusher.Push(MafiaFrames.Error("Frames must be JSON text."));
                    return Task.CompletedTask;
                },
                lifetime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The peer vanished, or shutdown aborted a peer that ignored the close frame.
        }
    }

    private static async Task<byte[]?> AnswerAsync(ReadOnlyMemory<byte> utf8, Func<string, JsonElement, Task<byte[]?>> handle)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return MafiaFrames.Error("The frame is not valid JSON.");
        }

        using (document)
        {
            var frame = document.RootElement;
            if (frame.ValueKind != JsonValueKind.Object || !frame.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                return MafiaFrames.Error("A message is a JSON object with a string \"type\".");
            }

            var name = type.GetString()!;
            return name == "ping" ? MafiaFrames.Frame("pong", null) : await handle(name, frame);
        }
    }

    /// <summary>Runs a chat or emoji command as the socket's user; a refusal becomes an error frame, success sends nothing back (the event does).</summary>
    private static async Task<byte[]?> SendAsync<TResult>(IServiceScopeFactory scopes, ClaimsPrincipal user, string connectionId, IRequest<TResult> request, WebSocketConnectionTracker tracker)
    {
        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Use(user, connectionId);
        try
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request, tracker.Stopping);
            return null;
        }
        catch (Exception exception)
        {
            return MafiaFrames.Error(ExceptionMapping.ToApiError(exception).SingleLineMessage());
        }
    }

    private static long AccountOf(ClaimsPrincipal user) => long.Parse(user.FindFirstValue(AccountClaimTypes.Subject)!, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading game {GameId} for a socket that joined it failed")]
    private static partial void LogJoinFailed(ILogger logger, Exception exception, Guid gameId);
}
