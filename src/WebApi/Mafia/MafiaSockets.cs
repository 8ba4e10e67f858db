using CleanGames.Application.Identity.Contracts;
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

    public static async Task GameAsync(HttpContext context, string game_id, RealtimeCommandRouter router, WebSocketConnectionTracker tracker,
        SocketSubscriptions subscriptions, ReconnectTokens reconnects, ILoggerFactory loggers)
    {
        var responder = context.RequestServices.GetRequiredService<ApiErrorResponder>();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await responder.WriteAsync(context, ApiError.From(MafiaTransportErrors.UpgradeRequired));
            return;
        }

        var scope = Guid.TryParse(game_id, CultureInfo.InvariantCulture, out var requested) ? ReconnectTokens.GameScope(requested) : null;
        if (scope is null && context.User.Identity?.IsAuthenticated != true && HasReconnectToken(context))
        {
            // A malformed id names no game, whatever the token.
            await responder.WriteAsync(context, ApiError.From(MafiaErrors.GameNotFound));
            return;
        }

        var user = Caller(context, reconnects, scope);
        if (await RefuseAsync(context, responder, user) || user is null)
        {
            return;
        }

        var connectionId = "game_" + Guid.NewGuid().ToString("N");
        var call = new RealtimeCall(user, connectionId, game_id);
        JoinedGame joined;
        try
        {
            // Read first: whether the caller may watch this game (answered over HTTP), and which audience it joins.
            joined = await router.SendAsync(new JoinGameQuery(game_id), call, context.RequestAborted);
        }
        catch (Exception exception) when (ExceptionMapping.IsExpected(exception))
        {
            await responder.WriteAsync(context, ExceptionMapping.ToApiError(exception));
            return;
        }

        var accountId = AccountOf(user);
        var reopens = ReconnectTokens.GameScope(joined.GameId);
        if (tracker.Admit(context, accountId) is not { } admission)
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.TooManyConnections));
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = tracker.Track(socket, admission, user);
        var logger = loggers.CreateLogger("CleanGames.WebApi.Mafia.GameSocket");
        using var pusher = new SocketPusher(connection, capacity: 256, framesSupersede: false, SendTimeout, logger);
        IDisposable? subscription = null;
        try
        {
            var audience = joined.IsPlayer ? accountId : MafiaTopics.Observers;
            await RealtimeJoin.RunAsync(
                () =>
                {
                    // Events from the moment of subscribing wait behind connected and the state read after it, so none is missed or comes first.
                    pusher.Hold();
                    subscription = subscriptions.Subscribe(MafiaTopics.Game(joined.GameId), audience, new SocketSubscriber(connectionId, MafiaFrames.Frame, pusher));
                    return Task.CompletedTask;
                },
                () => router.SendAsync(new JoinGameQuery(game_id), call, context.RequestAborted),
                (state, first) =>
                {
                    if (!first)
                    {
                        pusher.Push(MafiaFrames.Frame("game_state", state.State));
                    }
                    else if (state.Role is { } role)
                    {
                        pusher.Release(reconnects.ConnectedFrame(reopens, user), MafiaFrames.Frame("game_state", state.State), MafiaFrames.Frame("role_assigned", role));
                    }
                    else
                    {
                        pusher.Release(reconnects.ConnectedFrame(reopens, user), MafiaFrames.Frame("game_state", state.State));
                    }

                    return Task.CompletedTask;
                },
                state => state.Version,
                rereads: 0,
                rereadFailed: _ => { });
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            subscription?.Dispose();
            return;
        }
        catch (Exception exception)
        {
            subscription?.Dispose();
            LogJoinFailed(logger, exception, joined.GameId);
            await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.InternalServerError, "The game could not be read; reconnect.");
            return;
        }

        using (subscription)
        {
            await ReadLoopAsync(connection, pusher, router, MafiaRealtime.Domain, call, tracker, logger, context.RequestAborted);
            await pusher.DrainAsync();
        }
    }

    public static async Task NotificationsAsync(HttpContext context, RealtimeCommandRouter router, WebSocketConnectionTracker tracker, SocketSubscriptions subscriptions,
        ReconnectTokens reconnects, ILoggerFactory loggers)
    {
        var responder = context.RequestServices.GetRequiredService<ApiErrorResponder>();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await responder.WriteAsync(context, ApiError.From(MafiaTransportErrors.UpgradeRequired));
            return;
        }

        var user = Caller(context, reconnects, ReconnectTokens.NotificationsScope);
        if (await RefuseAsync(context, responder, user) || user is null)
        {
            return;
        }

        if (tracker.Admit(context, AccountOf(user)) is not { } admission)
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.TooManyConnections));
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = tracker.Track(socket, admission, user);
        var logger = loggers.CreateLogger("CleanGames.WebApi.Mafia.NotificationSocket");
        using var pusher = new SocketPusher(connection, capacity: 256, framesSupersede: false, SendTimeout, logger);
        var call = new RealtimeCall(user, "notify_" + Guid.NewGuid().ToString("N"));

        // connected is queued before the subscription exists, so it is always the first frame.
        pusher.Push(reconnects.ConnectedFrame(ReconnectTokens.NotificationsScope, user));
        using var subscription = subscriptions.Subscribe(MafiaTopics.Notifications, AccountOf(user), new SocketSubscriber(call.ConnectionId, MafiaFrames.Frame, pusher));
        await ReadLoopAsync(connection, pusher, router, MafiaRealtime.NotificationsDomain, call, tracker, logger, context.RequestAborted);
        await pusher.DrainAsync();
    }

    /// <summary>
    /// The caller: the JWT's, else the one a <c>?reconnect_token=</c> issued for this socket's
    /// <paramref name="scope"/> stands for (null when the socket names nothing a token could reopen).
    /// </summary>
    private static ClaimsPrincipal? Caller(HttpContext context, ReconnectTokens reconnects, string? scope)
    {
        if (context.User.Identity?.IsAuthenticated == true)
        {
            return context.User;
        }

        return scope is not null && HasReconnectToken(context) ? reconnects.Redeem(context.Request.Query["reconnect_token"].First()!, scope) : null;
    }

    private static bool HasReconnectToken(HttpContext context) => context.Request.Query["reconnect_token"].FirstOrDefault() is { Length: > 0 };

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
            await responder.WriteAsync(context, ApiError.From(MafiaTransportErrors.UserMismatch));
            return true;
        }

        // Credentials are re-checked at every connect, a reconnect's too: a session ended by logout
        // or revocation opens nothing, and a banned account is refused.
        var accounts = context.RequestServices.GetRequiredService<IAccountDirectory>();
        if (user.FindFirstValue(AccountClaimTypes.Session) is { } sid
            && (!Guid.TryParseExact(sid, "N", out var session) || !await accounts.IsSessionActiveAsync(session, context.RequestAborted)))
        {
            await responder.WriteAsync(context, ApiError.Unauthenticated());
            return true;
        }

        if (await accounts.IsBannedAsync(AccountOf(user), context.RequestAborted))
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.Banned));
            return true;
        }

        return false;
    }

    /// <summary>
    /// Answers <c>ping</c> with <c>pong</c> and hands other frames to <paramref name="handle"/>; a bad
    /// frame gets <c>{"type":"error","detail"}</c> and the socket stays open; over 64 KiB closes it (1009).
    /// Every outgoing frame goes through the socket's pusher, so answers and events keep their order.
    /// </summary>
    private static async Task ReadLoopAsync(WebSocketConnectionTracker.Connection connection, SocketPusher pusher, RealtimeCommandRouter router, string domain,
        RealtimeCall call, WebSocketConnectionTracker tracker, ILogger logger, CancellationToken requestAborted)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closing);
        var inbound = new ArrayBufferWriter<byte>(1024);
        try
        {
            await WebSocketFrames.ReadMessagesAsync(connection, inbound,
                async utf8 =>
                {
                    if (await AnswerAsync(utf8, router, domain, call, tracker, logger) is { } answer)
                    {
                        await pusher.PushAnswerAsync(answer, lifetime.Token);
                    }
                },
                () => pusher.PushAnswerAsync(MafiaFrames.Error("Frames must be JSON text."), lifetime.Token).AsTask(),
                lifetime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The peer vanished, or shutdown aborted a peer that ignored the close frame.
        }
    }

    private static async Task<byte[]?> AnswerAsync(ReadOnlyMemory<byte> utf8, RealtimeCommandRouter router, string domain, RealtimeCall call, WebSocketConnectionTracker tracker, ILogger logger)
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
            if (name == "ping")
            {
                return MafiaFrames.Frame("pong", null);
            }

            if (!router.TryGet(domain, name, out var command))
            {
                var commands = router.CommandsOf(domain);
                return MafiaFrames.Error(commands.Count == 0
                    ? $"Unknown message type \"{name}\"; this socket only answers ping."
                    : $"Unknown message type \"{name}\"; send ping, {string.Join(", ", commands)}.");
            }

            // A command's success sends nothing back: the event it causes does.
            try
            {
                await router.ExecuteAsync(command!, frame, call, tracker.Stopping);
                return null;
            }
            catch (Exception exception)
            {
                if (!ExceptionMapping.IsExpected(exception))
                {
                    LogCommandFailed(logger, exception, name);
                }

                var error = ExceptionMapping.ToApiError(exception);
                return error.RetryAfter is { } wait && error.Status == StatusCodes.Status429TooManyRequests
                    ? MafiaFrames.RateLimited(error.SingleLineMessage(), (long)Math.Ceiling(wait.TotalMilliseconds))
                    : MafiaFrames.Error(error.SingleLineMessage());
            }
        }
    }

    private static long AccountOf(ClaimsPrincipal user) => long.Parse(user.FindFirstValue(AccountClaimTypes.Subject)!, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Mafia socket command {Command} failed")]
    private static partial void LogCommandFailed(ILogger logger, Exception exception, string command);

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading game {GameId} for a socket that joined it failed")]
    private static partial void LogJoinFailed(ILogger logger, Exception exception, Guid gameId);
}
