using System.Collections.Concurrent;
using System.Net.WebSockets;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>
/// Knows every open raw WebSocket of this instance so that a graceful shutdown can say goodbye:
/// when the host starts stopping, each socket gets a close frame (1001, going away), so the peer's
/// close reply ends the socket's receive loop; a peer that does not answer the handshake in time
/// is aborted and <see cref="Connection.Closing"/> fires, so shutdown never waits on it.
/// </summary>
public sealed partial class WebSocketConnectionTracker : IDisposable
{
    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<Guid, Connection> _connections = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger<WebSocketConnectionTracker> _logger;
    private readonly CancellationTokenRegistration _registration;
    private volatile bool _shuttingDown;

    public WebSocketConnectionTracker(IHostApplicationLifetime lifetime, ILogger<WebSocketConnectionTracker> logger)
    {
        _logger = logger;
        _registration = lifetime.ApplicationStopping.Register(() => _ = CloseAllAsync());
    }

    /// <summary>Fires when the host begins shutting down.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Tracks a socket until the returned connection is disposed (at the end of its endpoint).</summary>
    public Connection Track(WebSocket socket)
    {
        var connection = new Connection(this, socket, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
        _connections[connection.Id] = connection;
        if (_shuttingDown)
        {
            _ = CloseAsync(connection);
        }

        return connection;
    }

    public void Dispose()
    {
        _registration.Dispose();
        _stopping.Dispose();
    }

    private async Task CloseAllAsync()
    {
        _shuttingDown = true;
        var open = _connections.Values.ToList();
        if (open.Count > 0)
        {
            LogClosing(open.Count);
        }

        // Close frames first: cancelling a pending receive would abort the socket without one.
        await Task.WhenAll(open.Select(CloseAsync));
        await _stopping.CancelAsync();
    }

    private static async Task CloseAsync(Connection connection)
    {
        await WebSocketFrames.CloseOutputAsync(connection, WebSocketCloseStatus.EndpointUnavailable, "Server is shutting down");

        // Give the peer the handshake window to answer (its close ends the socket's loop), then cut it.
        await Task.Delay(CloseHandshakeTimeout, connection.Completed).ContinueWith(_ => { }, CancellationToken.None);
        if (connection.Socket.State != WebSocketState.Closed)
        {
            connection.Socket.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing {Count} open WebSocket connection(s) for shutdown")]
    private partial void LogClosing(int count);

    /// <summary>One tracked socket. Send through <see cref="SendLock"/>: a WebSocket allows one sender at a time.</summary>
    public sealed class Connection : IDisposable
    {
        private readonly WebSocketConnectionTracker _tracker;
        private readonly CancellationTokenSource _closing;
        private readonly CancellationTokenSource _completed = new();

        internal Connection(WebSocketConnectionTracker tracker, WebSocket socket, CancellationTokenSource closing)
        {
            _tracker = tracker;
            _closing = closing;
            Socket = socket;
        }

        public Guid Id { get; } = Guid.NewGuid();

        public WebSocket Socket { get; }

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        /// <summary>Fires when the server is closing this connection (shutdown).</summary>
        public CancellationToken Closing => _closing.Token;

        internal CancellationToken Completed => _completed.Token;

        public void Dispose()
        {
            _tracker._connections.TryRemove(Id, out _);
            _completed.Cancel();
            _completed.Dispose();
            _closing.Dispose();
        }
    }
}
