using System.Runtime.InteropServices;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;

namespace CleanGames.WebApi.Gateway;

/// <summary>
/// One authenticated <c>/v1/connect</c> socket: says hello, answers every command frame with
/// exactly one reply or error carrying its <c>request_id</c>, and protects the server and the
/// client's neighbours: a size limit per frame, a command rate per minute, idempotent retries, a
/// send timeout for clients that stop reading, and a heartbeat deadline.
/// </summary>
internal sealed partial class GatewayConnection(
    WebSocketConnectionTracker.Connection connection,
    ClaimsPrincipal user,
    long accountId,
    GatewayOptions options,
    RealtimeCommandRouter router,
    GatewayReplyCache replies,
    WebSocketConnectionTracker tracker,
    ILogger logger)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);
    private readonly Queue<long> _recentCommands = new();
    private readonly System.Buffers.ArrayBufferWriter<byte> _inbound = new(4096);
    private long _lastActivity = Stopwatch.GetTimestamp();
    private long _sendStartedAt;
    private int _excessCommands;
    private volatile bool _closing;

    public string Id { get; } = "conn_" + Guid.NewGuid().ToString("N");

    private WebSocket Socket => connection.Socket;

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closing);
        var heartbeat = WatchdogAsync(lifetime.Token);
        try
        {
            await ReplyAsync(GatewayFrames.Hello(Id, options.HeartbeatSeconds), lifetime.Token);
            await ReadLoopAsync(lifetime.Token);
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException)
        {
            // The peer vanished, or shutdown aborted a peer that ignored the close frame.
        }
        finally
        {
            await lifetime.CancelAsync();
            await heartbeat.ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        // After we send a close frame (CloseSent) keep reading until the peer's close arrives.
        while (Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var status = await WebSocketFrames.ReadAsync(Socket, _inbound, WebSocketFrames.DefaultMaxMessageBytes, cancellationToken);
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            switch (status)
            {
                case WebSocketReadStatus.Closed:
                    await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.NormalClosure, "Bye");
                    return;
                case WebSocketReadStatus.TooBig:
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Frame larger than 64 KiB");
                    return;
                case WebSocketReadStatus.NotText:
                    await ReplyAsync(GatewayFrames.Error(null, GatewayTransportErrors.InvalidFrame, "Frames must be JSON text."), cancellationToken);
                    break;
                default:
                    if (!_closing && await HandleFrameAsync(_inbound.WrittenMemory) is { } answer)
                    {
                        await ReplyAsync(answer, cancellationToken);
                    }

                    break;
            }
        }
    }

    /// <summary>Reads one frame and produces the one frame that answers it (null once closing).</summary>
    private async Task<byte[]?> HandleFrameAsync(ReadOnlyMemory<byte> utf8)
    {
        // Every frame counts against the rate, well-formed or not: a flood of garbage is a flood.
        if (!TryAdmit(out var retryAfter))
        {
            if (++_excessCommands > Math.Max(10, options.MaxCommandsPerMinute / 2))
            {
                await CloseAsync((WebSocketCloseStatus)GatewayCloseCodes.RateLimitAbuse, "Too many commands");
                return null;
            }

            return GatewayFrames.Error(RequestIdOf(utf8), GatewayTransportErrors.RateLimited, "Too many commands; slow down.", (long)Math.Ceiling(retryAfter.TotalMilliseconds));
        }

        _excessCommands = 0;
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            return GatewayFrames.Error(null, GatewayTransportErrors.InvalidJson, "The frame is not valid JSON.");
        }

        using (document)
        {
            var frame = document.RootElement;
            if (frame.ValueKind != JsonValueKind.Object)
            {
                return GatewayFrames.Error(null, GatewayTransportErrors.InvalidFrame, "A frame is a JSON object.");
            }

            var requestId = frame.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (string.IsNullOrEmpty(requestId) || requestId.Length > 128)
            {
                return GatewayFrames.Error(null, GatewayTransportErrors.MissingRequestId, "Every command needs a request_id (a string of 1 to 128 characters).");
            }

            if (!frame.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "command")
            {
                return GatewayFrames.Error(requestId, GatewayTransportErrors.InvalidFrame, "Only frames of type \"command\" are accepted.");
            }

            if (!frame.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != GatewayFrames.Version)
            {
                return GatewayFrames.Error(requestId, GatewayTransportErrors.UnsupportedVersion, "This server speaks protocol version 1.");
            }

            var domain = frame.TryGetProperty("domain", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : null;
            var command = frame.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : null;
            if (domain is null || command is null)
            {
                return GatewayFrames.Error(requestId, GatewayTransportErrors.InvalidFrame, "A command names its domain and command.");
            }

            // The document stays alive until the command has run (awaited below), so no copy is needed.
            var payload = frame.TryGetProperty("payload", out var p) ? p : default;
            var limits = new ReplyCacheLimits(
                TimeSpan.FromSeconds(Math.Max(1, options.IdempotencyWindowSeconds)), options.IdempotencyMaxEntriesPerAccount, options.IdempotencyMaxBytesPerAccount);
            var fingerprint = GatewayReplyCache.Fingerprint(domain, command, payload.ValueKind == JsonValueKind.Undefined ? default : JsonMarshal.GetRawUtf8Value(payload));
            return await replies.GetOrRunAsync(accountId, requestId, fingerprint, limits, () => ExecuteAsync(requestId, domain, command, payload),
                () => GatewayFrames.Error(requestId, GatewayTransportErrors.IdempotencyKeyReused,
                    "This request_id was used for another command or payload within the idempotency window; use a fresh request_id."));
        }
    }

    private async Task<byte[]> ExecuteAsync(string requestId, string domain, string command, JsonElement payload)
    {
        if (!router.TryGet(domain, command, out var handler))
        {
            return GatewayFrames.Error(requestId, GatewayTransportErrors.UnknownCommand, $"Unknown command {domain}.{command}.");
        }

        try
        {
            var result = await router.ExecuteAsync(handler!, payload, new RealtimeCall(user, Id), tracker.Stopping);
            return GatewayFrames.Reply(requestId, result);
        }
        catch (Exception exception)
        {
            var error = ExceptionMapping.ToApiError(exception);
            if (error.Status >= 500 && !ExceptionMapping.IsExpected(exception))
            {
                LogCommandFailed(exception, domain, command);
            }

            return GatewayFrames.Error(requestId, error.Code, error.SingleLineMessage(),
                error.RetryAfter is { } wait ? (long)wait.TotalMilliseconds : null);
        }
    }

    /// <summary>The <c>request_id</c> of a frame refused before it is read in full (null when it has none that reads).</summary>
    private static string? RequestIdOf(ReadOnlyMemory<byte> utf8)
    {
        try
        {
            var reader = new Utf8JsonReader(utf8.Span, new JsonReaderOptions { MaxDepth = 32 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var isId = reader.ValueTextEquals("request_id"u8);
                if (!reader.Read())
                {
                    return null;
                }

                if (isId)
                {
                    return reader.TokenType == JsonTokenType.String && reader.GetString() is { Length: > 0 and <= 128 } id ? id : null;
                }

                reader.Skip();
            }
        }
        catch (JsonException)
        {
        }

        return null;
    }

    /// <summary>A sliding 60-second window of admitted commands.</summary>
    private bool TryAdmit(out TimeSpan retryAfter)
    {
        var now = Stopwatch.GetTimestamp();
        while (_recentCommands.Count > 0 && Stopwatch.GetElapsedTime(_recentCommands.Peek(), now) >= RateWindow)
        {
            _recentCommands.Dequeue();
        }

        if (_recentCommands.Count >= Math.Max(1, options.MaxCommandsPerMinute))
        {
            retryAfter = RateWindow - Stopwatch.GetElapsedTime(_recentCommands.Peek(), now);
            return false;
        }

        _recentCommands.Enqueue(now);
        retryAfter = TimeSpan.Zero;
        return true;
    }

    /// <summary>
    /// Answers the client's own frame on the reading path itself: no hand-off to another task, and
    /// a client that stops reading stops being read. The watchdog drops a client whose send has
    /// been stuck longer than the send timeout (no per-send timer on the hot path).
    /// </summary>
    private async Task ReplyAsync(byte[] frame, CancellationToken cancellationToken)
    {
        Interlocked.Exchange(ref _sendStartedAt, Stopwatch.GetTimestamp());
        try
        {
            await WebSocketFrames.SendTextAsync(connection, frame, cancellationToken);
        }
        finally
        {
            Interlocked.Exchange(ref _sendStartedAt, 0);
        }
    }

    private async Task WatchdogAsync(CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(2 * Math.Max(1, options.HeartbeatSeconds));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(1000, limit.TotalMilliseconds / 4)));
        try
        {
            var sendTimeout = TimeSpan.FromSeconds(Math.Max(1, options.SendTimeoutSeconds));
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                var sendStartedAt = Interlocked.Read(ref _sendStartedAt);
                if (sendStartedAt != 0 && Stopwatch.GetElapsedTime(sendStartedAt) >= sendTimeout)
                {
                    // A full send buffer lets no close frame through: the client is dropped.
                    LogSlowConsumer(Id);
                    Socket.Abort();
                    return;
                }

                if (Stopwatch.GetElapsedTime(Interlocked.Read(ref _lastActivity)) >= limit)
                {
                    await CloseAsync((WebSocketCloseStatus)GatewayCloseCodes.HeartbeatTimeout, "Heartbeat timeout");
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        if (_closing)
        {
            return;
        }

        _closing = true;
        await WebSocketFrames.CloseOutputAsync(connection, status, reason);
        _ = AbortIfUnansweredAsync();
    }

    private async Task AbortIfUnansweredAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(2));
        if (Socket.State != WebSocketState.Closed)
        {
            Socket.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Gateway command {Domain}.{Command} failed")]
    private partial void LogCommandFailed(Exception exception, string domain, string command);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping gateway connection {ConnectionId}: it does not read what it is sent")]
    private partial void LogSlowConsumer(string connectionId);
}
