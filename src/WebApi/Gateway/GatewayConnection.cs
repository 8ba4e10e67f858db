using System.Diagnostics;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;

namespace CleanGames.WebApi.Gateway;

/// <summary>
/// One authenticated <c>/v1/connect</c> socket: says hello, answers every command frame with
/// exactly one reply or error carrying its <c>request_id</c>, and protects the server and the
/// client's neighbours: a size limit per frame, a command rate per minute, idempotent retries, a
/// bounded send queue, and a heartbeat deadline.
/// </summary>
internal sealed partial class GatewayConnection(
    WebSocketConnectionTracker.Connection connection,
    ClaimsPrincipal user,
    long accountId,
    GatewayOptions options,
    RealtimeCommandRouter router,
    GatewayReplyCache replies,
    IServiceScopeFactory scopes,
    WebSocketConnectionTracker tracker,
    ILogger logger)
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(1);
    private readonly Channel<byte[]> _outgoing = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(Math.Max(1, options.SendQueueCapacity))
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly Queue<long> _recentCommands = new();
    private long _lastActivity = Stopwatch.GetTimestamp();
    private int _excessCommands;
    private volatile bool _closing;

    public string Id { get; } = "conn_" + Guid.NewGuid().ToString("N");

    private WebSocket Socket => connection.Socket;

    public async Task RunAsync(CancellationToken requestAborted)
    {
        using var lifetime = CancellationTokenSource.CreateLinkedTokenSource(requestAborted, connection.Closing);
        var writer = WriteLoopAsync(lifetime.Token);
        var heartbeat = WatchHeartbeatAsync(lifetime.Token);
        Enqueue(GatewayFrames.Hello(Id, options.HeartbeatSeconds));
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
            _outgoing.Writer.TryComplete();
            await lifetime.CancelAsync();
            await Task.WhenAll(writer, heartbeat).ContinueWith(_ => { }, CancellationToken.None);
        }
    }

    private async Task ReadLoopAsync(CancellationToken cancellationToken)
    {
        // After we send a close frame (CloseSent) keep reading until the peer's close arrives.
        while (Socket.State is WebSocketState.Open or WebSocketState.CloseSent)
        {
            var read = await WebSocketFrames.ReadTextAsync(Socket, WebSocketFrames.DefaultMaxMessageBytes, cancellationToken);
            Interlocked.Exchange(ref _lastActivity, Stopwatch.GetTimestamp());
            switch (read.Status)
            {
                case WebSocketReadStatus.Closed:
                    await WebSocketFrames.CloseAsync(connection, WebSocketCloseStatus.NormalClosure, "Bye");
                    return;
                case WebSocketReadStatus.TooBig:
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, "Frame larger than 64 KiB");
                    return;
                case WebSocketReadStatus.NotText:
                    Enqueue(GatewayFrames.Error(null, "invalid_frame", "Frames must be JSON text."));
                    break;
                default:
                    if (!_closing)
                    {
                        await HandleFrameAsync(read.Text!);
                    }

                    break;
            }
        }
    }

    private async Task HandleFrameAsync(string text)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32 });
        }
        catch (JsonException)
        {
            Enqueue(GatewayFrames.Error(null, "invalid_json", "The frame is not valid JSON."));
            return;
        }

        using (document)
        {
            var frame = document.RootElement;
            if (frame.ValueKind != JsonValueKind.Object)
            {
                Enqueue(GatewayFrames.Error(null, "invalid_frame", "A frame is a JSON object."));
                return;
            }

            var requestId = frame.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
            if (string.IsNullOrEmpty(requestId) || requestId.Length > 128)
            {
                Enqueue(GatewayFrames.Error(null, "missing_request_id", "Every command needs a request_id (a string of 1 to 128 characters)."));
                return;
            }

            if (!frame.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String || type.GetString() != "command")
            {
                Enqueue(GatewayFrames.Error(requestId, "invalid_frame", "Only frames of type \"command\" are accepted."));
                return;
            }

            if (!frame.TryGetProperty("v", out var version) || version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != GatewayFrames.Version)
            {
                Enqueue(GatewayFrames.Error(requestId, "unsupported_version", "This server speaks protocol version 1."));
                return;
            }

            var domain = frame.TryGetProperty("domain", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : null;
            var command = frame.TryGetProperty("command", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString()! : null;
            if (domain is null || command is null)
            {
                Enqueue(GatewayFrames.Error(requestId, "invalid_frame", "A command names its domain and command."));
                return;
            }

            if (!TryAdmit(out var retryAfter))
            {
                Enqueue(GatewayFrames.Error(requestId, "rate_limited", "Too many commands; slow down.", (long)Math.Ceiling(retryAfter.TotalMilliseconds)));
                if (++_excessCommands > Math.Max(10, options.MaxCommandsPerMinute / 2))
                {
                    await CloseAsync((WebSocketCloseStatus)GatewayCloseCodes.RateLimitAbuse, "Too many commands");
                }

                return;
            }

            _excessCommands = 0;
            var payload = frame.TryGetProperty("payload", out var p) ? p.Clone() : default;
            var window = TimeSpan.FromSeconds(Math.Max(1, options.IdempotencyWindowSeconds));
            var reply = await replies.GetOrRunAsync(accountId, requestId, window, () => ExecuteAsync(requestId, domain, command, payload));
            Enqueue(reply);
        }
    }

    private async Task<byte[]> ExecuteAsync(string requestId, string domain, string command, JsonElement payload)
    {
        if (!router.TryGet(domain, command, out var handler))
        {
            return GatewayFrames.Error(requestId, "unknown_command", $"Unknown command {domain}.{command}.");
        }

        await using var scope = scopes.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<HttpCurrentUser>().Use(user);
        try
        {
            var result = await handler!.ExecuteAsync(payload, scope.ServiceProvider, tracker.Stopping);
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

    private void Enqueue(byte[] frame)
    {
        if (!_outgoing.Writer.TryWrite(frame) && !_closing)
        {
            // A client that does not read must not make the server buffer without bound.
            LogSlowConsumer(Id);
            _ = CloseAsync((WebSocketCloseStatus)GatewayCloseCodes.SlowConsumer, "Send queue full");
        }
    }

    private async Task WriteLoopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await foreach (var frame in _outgoing.Reader.ReadAllAsync(cancellationToken))
            {
                await WebSocketFrames.SendTextAsync(connection, frame, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
        }
    }

    private async Task WatchHeartbeatAsync(CancellationToken cancellationToken)
    {
        var limit = TimeSpan.FromSeconds(2 * Math.Max(1, options.HeartbeatSeconds));
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(Math.Min(1000, limit.TotalMilliseconds / 4)));
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
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
        _outgoing.Writer.TryComplete();
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Closing gateway connection {ConnectionId}: its send queue is full")]
    private partial void LogSlowConsumer(string connectionId);
}
