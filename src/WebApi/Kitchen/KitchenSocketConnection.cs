using System.Diagnostics;
using System.Buffers;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Application.Kitchen.Sessions.Commands.AttachKitchenConnection;
using CleanGames.Application.Kitchen.Sessions.Commands.DetachKitchenConnection;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Json;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;

namespace CleanGames.WebApi.Kitchen;

/// <summary>
/// <c>GET /ws</c>: the Click &amp; Cook socket of seed 001. The upgrade may carry the token
/// (<c>?token=</c> or a bearer header); a token that is present must be valid.
/// </summary>
internal static class KitchenSocketEndpoint
{
    public static async Task ConnectAsync(HttpContext context, WebSocketConnectionTracker tracker, RealtimeCommandRouter router, SocketSubscriptions subscriptions,
        AccessTokenValidator tokens, ILoggerFactory loggers)
    {
        var responder = context.RequestServices.GetRequiredService<ApiErrorResponder>();
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await responder.WriteAsync(context, ApiError.From(KitchenTransportErrors.UpgradeRequired));
            return;
        }

        var offeredToken = context.Request.Headers.Authorization.Count > 0 || context.Request.Query.ContainsKey("token") || context.Request.Query.ContainsKey("access_token");
        var authenticated = context.User.Identity?.IsAuthenticated == true;
        if (offeredToken && !authenticated)
        {
            await responder.WriteAsync(context, ApiError.Unauthenticated());
            return;
        }

        long? upgradeAccount = authenticated && KitchenSocketConnection.TryGetAccountId(context.User, out var id) ? id : null;
        if (tracker.Admit(context, upgradeAccount) is not { } admission)
        {
            await responder.WriteAsync(context, ApiError.From(TransportErrors.TooManyConnections));
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        // Seed 001 carries a token in every request, so an expired one is answered per request
        // (error 2) and the socket stays open: it is not closed at the upgrade token's expiry.
        using var connection = tracker.Track(socket, admission);
        var session = new KitchenSocketConnection(connection, authenticated ? context.User : null, router, subscriptions, tokens, tracker,
            context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<RealtimeOptions>>().CurrentValue,
            loggers.CreateLogger<KitchenSocketConnection>());
        await session.RunAsync(context.RequestAborted);
    }
}

/// <summary>
/// One <c>/ws</c> connection: <c>session</c> first (it authenticates with <c>data.token</c> unless the
/// upgrade did), then any request type, each answered with exactly one response carrying its
/// <c>request_id</c>. Other connections' changes to the account's session arrive as broadcasts.
/// Bad frames get an error response and the connection stays open; a frame over 64 KiB closes it (1009).
/// </summary>
internal sealed partial class KitchenSocketConnection(
    WebSocketConnectionTracker.Connection connection,
    ClaimsPrincipal? upgradeUser,
    RealtimeCommandRouter router,
    SocketSubscriptions subscriptions,
    AccessTokenValidator tokens,
    WebSocketConnectionTracker tracker,
    RealtimeOptions limits,
    ILogger logger)
{
    private static readonly TimeSpan PushSendTimeout = TimeSpan.FromSeconds(10);
    private static readonly Func<Application.Common.Abstractions.RealtimeEvent, byte[]> BroadcastFormat = KitchenRealtime.BroadcastFrame;
    private readonly ArrayBufferWriter<byte> _inbound = new(4096);
    private readonly ArrayBufferWriter<byte> _outbound = new(8192);
    private ClaimsPrincipal? _user;
    private long _accountId;
    private IDisposable? _subscription;
    private SocketPusher? _pusher;
    private bool _attached;
    private long _lastFrameAt;
    private string? _token;

    public string Id { get; } = "ws_" + Guid.NewGuid().ToString("N");

    private RealtimeCall Call => new(_user!, Id);

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closing);
        if (upgradeUser is not null && TryGetAccountId(upgradeUser, out var accountId))
        {
            (_user, _accountId) = (upgradeUser, accountId);
        }

        // A socket opened without a token must authenticate (its first session) in time, and any
        // socket that falls silent is closed: an open socket is something a client makes us hold.
        using var watchdog = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var openedAt = Stopwatch.GetTimestamp();
        _lastFrameAt = openedAt;
        var watching = WatchAsync(watchdog, openedAt, lifetime.Token);
        try
        {
            await ReadLoopAsync(lifetime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The peer vanished, or shutdown aborted a peer that ignored the close frame.
        }
        finally
        {
            watchdog.Dispose();
            await watching;
            _pusher?.Dispose();
            _subscription?.Dispose();
            if (_attached)
            {
                // The account's last connection to leave writes its session now.
                await router.SendAsync(new DetachKitchenConnectionCommand(), Call, CancellationToken.None);
            }
        }
    }

    private async Task WatchAsync(PeriodicTimer timer, long openedAt, CancellationToken cancellationToken)
    {
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                if (_user is null && Stopwatch.GetElapsedTime(openedAt) >= TimeSpan.FromSeconds(limits.AuthenticateWithinSeconds))
                {
                    await WebSocketFrames.CloseAsync(connection, WebSocketConnectionTracker.CredentialsExpired, "Authenticate with a session request first");
                    return;
                }

                if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastFrameAt)) >= TimeSpan.FromSeconds(limits.IdleSeconds))
                {
                    await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.PolicyViolation, "Idle for too long");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private Task ReadLoopAsync(CancellationToken cancellationToken) =>
        WebSocketFrames.ReadMessagesAsync(connection, _inbound,
            utf8 => HandleFrameAsync(utf8, cancellationToken),
            () => ReplyAsync(default, null, KitchenRealtime.Error(Invalid("Frames must be JSON text.")), cancellationToken),
            cancellationToken);

    private async Task HandleFrameAsync(ReadOnlyMemory<byte> utf8, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _lastFrameAt, Stopwatch.GetTimestamp());
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            using var salvaged = SalvageRequestId(utf8.Span);
            await ReplyAsync(salvaged?.RootElement ?? default, null, KitchenRealtime.Error(Invalid("The frame is not valid JSON.")), cancellationToken);
            return;
        }

        using (document)
        {
            var frame = document.RootElement;
            if (frame.ValueKind != JsonValueKind.Object)
            {
                await ReplyAsync(default, null, KitchenRealtime.Error(Invalid("A request is a JSON object.")), cancellationToken);
                return;
            }

            var requestId = frame.TryGetProperty("request_id", out var id) ? id : default;
            var requestType = frame.TryGetProperty("request_type", out var type) && type.ValueKind == JsonValueKind.String ? type.GetString() : null;
            var data = frame.TryGetProperty("data", out var d) ? d : default;
            await ReplyAsync(requestId, requestType, await AnswerAsync(frame, requestType, data), cancellationToken);
            // Pushes held while the first session was read follow its reply.
            _pusher?.Release();
        }
    }

    /// <summary>The response's <c>data</c> for one request frame.</summary>
    private async Task<object?> AnswerAsync(JsonElement frame, string? requestType, JsonElement data)
    {
        if (!frame.TryGetProperty("message_type", out var messageType) || messageType.ValueKind != JsonValueKind.String || !messageType.ValueEquals("request"))
        {
            return KitchenRealtime.Error(Invalid("message_type must be \"request\"."));
        }

        if (requestType is null)
        {
            return KitchenRealtime.Error(Invalid("request_type must name a request (a string)."));
        }

        if (data.ValueKind is not (JsonValueKind.Undefined or JsonValueKind.Null or JsonValueKind.Object))
        {
            return KitchenRealtime.Error(Invalid("data must be a JSON object."));
        }

        if (!router.TryGet(KitchenRealtime.Domain, requestType, out var command))
        {
            return KitchenRealtime.Error(KitchenRealtime.UnknownRequestType(router, requestType));
        }

        if (requestType == "session")
        {
            if (await AuthenticateAsync(data) is { } refusal)
            {
                return refusal;
            }
        }
        else if (_subscription is null)
        {
            return KitchenRealtime.Error(ApiError.From(KitchenErrors.SessionFirst));
        }
        else if (await AuthenticateAsync(data) is { } refusal)
        {
            // Every request carries (or relies on) a token, and an expired one is refused, not obeyed.
            return refusal;
        }

        // The first session subscribes before it reads the state it answers with (the one join
        // handshake): a change made meanwhile on another connection is held and pushed after the reply.
        var joining = requestType == "session" && _subscription is null;
        try
        {
            if (joining)
            {
                await JoinAsync();
            }

            return await router.ExecuteAsync(command!, data, Call, tracker.Stopping);
        }
        catch (Exception exception)
        {
            if (joining)
            {
                await LeaveAsync();
            }

            if (!ExceptionMapping.IsExpected(exception))
            {
                LogRequestFailed(exception, requestType);
            }

            return KitchenRealtime.Error(exception);
        }
    }

    /// <summary>
    /// The connection's account comes from a verified token: the upgrade's, or <c>data.token</c> of a
    /// <c>session</c> request. A connection belongs to one account for its whole life.
    /// </summary>
    private async Task<KitchenErrorData?> AuthenticateAsync(JsonElement data)
    {
        var token = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("token", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
        if (string.IsNullOrEmpty(token))
        {
            if (_user is null)
            {
                return KitchenRealtime.Error(Unauthenticated("Send your access token in data.token."));
            }

            return tracker.HasExpired(_user) ? KitchenRealtime.Error(Unauthenticated("The access token has expired; send a fresh one in data.token.")) : null;
        }

        if (_user is not null && string.Equals(token, _token, StringComparison.Ordinal))
        {
            // The token this connection already verified (clients send it with every request): only its expiry can have changed.
            return tracker.HasExpired(_user) ? KitchenRealtime.Error(Unauthenticated("The access token has expired; send a fresh one in data.token.")) : null;
        }

        var principal = await tokens.ValidateAsync(token);
        if (principal is null || !TryGetAccountId(principal, out var accountId) || tracker.HasExpired(principal))
        {
            return KitchenRealtime.Error(Unauthenticated("The token is not valid."));
        }

        if (_user is not null && _accountId != accountId)
        {
            return KitchenRealtime.Error(Unauthenticated("This connection belongs to another account."));
        }

        if (!connection.Admission.TryBindAccount(accountId))
        {
            return KitchenRealtime.Error(ApiError.From(TransportErrors.TooManyConnections));
        }

        (_user, _accountId, _token) = (principal, accountId, token);
        return null;
    }

    /// <summary>
    /// With the first session: other connections' changes are pushed here (held until that
    /// session's reply is out), and the store keeps the session live while this connection lasts.
    /// </summary>
    private async Task JoinAsync()
    {
        _pusher = new SocketPusher(connection, capacity: 16, framesSupersede: true, PushSendTimeout, logger);
        _pusher.Hold();
        _subscription = subscriptions.Subscribe(KitchenViews.Topic, _accountId, new SocketSubscriber(Id, BroadcastFormat, _pusher));
        await router.SendAsync(new AttachKitchenConnectionCommand(), Call, tracker.Stopping);
        _attached = true;
    }

    /// <summary>Undoes <see cref="JoinAsync"/> when the first session failed, so a later one joins afresh.</summary>
    private async Task LeaveAsync()
    {
        _subscription?.Dispose();
        _subscription = null;
        _pusher?.Dispose();
        _pusher = null;
        if (_attached)
        {
            _attached = false;
            await router.SendAsync(new DetachKitchenConnectionCommand(), Call, CancellationToken.None);
        }
    }

    private async Task ReplyAsync(JsonElement requestId, string? requestType, object? data, CancellationToken cancellationToken)
    {
        _outbound.ResetWrittenCount();
        using (var writer = new Utf8JsonWriter(_outbound, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("message_type", "response");
            writer.WritePropertyName("request_id");
            if (requestId.ValueKind is JsonValueKind.String or JsonValueKind.Number)
            {
                requestId.WriteTo(writer);
            }
            else
            {
                writer.WriteNullValue();
            }

            writer.WriteString("request_type", requestType);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, data, data?.GetType() ?? typeof(object), WireJson.Options);
            writer.WriteEndObject();
        }

        await WebSocketFrames.SendTextAsync(connection, _outbound.WrittenMemory, cancellationToken);
    }

    /// <summary>
    /// The <c>request_id</c> of a frame that is not valid JSON, when it comes before the damage:
    /// a forgiving read of the top-level properties up to the first error.
    /// </summary>
    private static JsonDocument? SalvageRequestId(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = 32 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isRequestId = reader.ValueTextEquals("request_id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isRequestId && reader.TokenType is JsonTokenType.String or JsonTokenType.Number)
                {
                    // The token as written (quotes included for a string), so it is echoed exactly.
                    var length = reader.ValueSpan.Length + (reader.TokenType == JsonTokenType.String ? 2 : 0);
                    return JsonDocument.Parse(utf8.Slice((int)reader.TokenStartIndex, length).ToArray());
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    internal static bool TryGetAccountId(ClaimsPrincipal principal, out long accountId) =>
        long.TryParse(principal.FindFirst(AccountClaimTypes.Subject)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out accountId);

    private static ApiError Invalid(string message) => ApiError.From(KitchenErrors.InvalidRequest) with { Message = message };

    private static ApiError Unauthenticated(string message) => ApiError.Unauthenticated() with { Message = message };

    [LoggerMessage(Level = LogLevel.Error, Message = "Kitchen request {RequestType} failed")]
    private partial void LogRequestFailed(Exception exception, string requestType);
}
