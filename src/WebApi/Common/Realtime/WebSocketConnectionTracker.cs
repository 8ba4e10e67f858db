using System.Collections.Concurrent;
using System.Globalization;
using System.Net.WebSockets;
using System.Security.Claims;
using CleanGames.Application.Common.Abstractions;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>
/// Knows every open raw WebSocket of this instance, and:
/// <list type="bullet">
/// <item>admits a socket only while its client address and its account hold fewer than
/// <c>Realtime:MaxConnectionsPerAddress</c> and <c>Realtime:MaxConnectionsPerAccount</c> sockets;</item>
/// <item>closes a socket when the access token it was opened with expires (4001), so no connection
/// outlives its credentials (the client reconnects with a fresh token);</item>
/// <item>says goodbye at a graceful shutdown: each socket gets a close frame (1001, going away), so
/// the peer's close reply ends the socket's receive loop; a peer that does not answer the handshake
/// in time is aborted and <see cref="Connection.Closing"/> fires, so shutdown never waits on it.</item>
/// </list>
/// </summary>
public sealed partial class WebSocketConnectionTracker : IDisposable
{
    /// <summary>The close code of a socket whose access token expired.</summary>
    public const WebSocketCloseStatus CredentialsExpired = (WebSocketCloseStatus)4001;

    /// <summary>The close code of a socket whose account lost the right to it (a ban).</summary>
    public const WebSocketCloseStatus AccountClosed = (WebSocketCloseStatus)4003;

    private static readonly TimeSpan CloseHandshakeTimeout = TimeSpan.FromSeconds(2);
    private readonly ConcurrentDictionary<Guid, Connection> _connections = new();
    private readonly ConcurrentDictionary<string, int> _perAddress = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<long, int> _perAccount = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly ILogger<WebSocketConnectionTracker> _logger;
    private readonly IOptionsMonitor<RealtimeOptions> _options;
    private readonly TimeProvider _clock;
    private readonly CancellationTokenRegistration _registration;
    private volatile bool _shuttingDown;

    public WebSocketConnectionTracker(
        IHostApplicationLifetime lifetime,
        IOptionsMonitor<RealtimeOptions> options,
        [FromKeyedServices(ApplicationClock.Key)] TimeProvider clock,
        ILogger<WebSocketConnectionTracker> logger)
    {
        _logger = logger;
        _options = options;
        _clock = clock;
        _registration = lifetime.ApplicationStopping.Register(() => _ = CloseAllAsync());
    }

    /// <summary>Fires when the host begins shutting down.</summary>
    public CancellationToken Stopping => _stopping.Token;

    /// <summary>Open sockets of this instance.</summary>
    public int Count => _connections.Count;

    /// <summary>
    /// Reserves a place for a socket from the request's client address and (when the upgrade was
    /// authenticated) its account; null when either already holds its maximum, and the caller answers
    /// 429 in its dialect without accepting the upgrade. Give the admission to <see cref="Track"/>.
    /// </summary>
    public Admission? Admit(HttpContext context, long? accountId)
    {
        var address = AddressKey(context);
        if (!TryTake(_perAddress, address, _options.CurrentValue.MaxConnectionsPerAddress))
        {
            return null;
        }

        var admission = new Admission(this, address, TransportOf(context));
        if (accountId is { } account && !admission.TryBindAccount(account))
        {
            admission.Dispose();
            return null;
        }

        return admission;
    }

    /// <summary>
    /// Tracks an accepted socket until the returned connection is disposed (at the end of its
    /// endpoint). With <paramref name="credentials"/>, the socket is closed (4001) when they expire.
    /// </summary>
    public Connection Track(WebSocket socket, Admission admission, ClaimsPrincipal? credentials = null)
    {
        var connection = new Connection(this, socket, admission, CancellationTokenSource.CreateLinkedTokenSource(_stopping.Token));
        _connections[connection.Id] = connection;
        if (_shuttingDown)
        {
            _ = CloseAsync(connection, WebSocketCloseStatus.EndpointUnavailable, "Server is shutting down");
        }
        else if (credentials is not null)
        {
            connection.CloseWhenExpired(credentials);
        }

        return connection;
    }

    /// <summary>Open sockets of this instance per endpoint (its route pattern, <c>/ws/game/{game_id}</c>).</summary>
    public IReadOnlyDictionary<string, int> CountByTransport()
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var connection in _connections.Values)
        {
            counts[connection.Admission.Transport] = counts.GetValueOrDefault(connection.Admission.Transport) + 1;
        }

        return counts;
    }

    /// <summary>The endpoint a realtime request opens: its route pattern (ids left as parameters), else its path.</summary>
    public static string TransportOf(HttpContext context)
    {
        var pattern = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? context.Request.Path.Value ?? "/";
        return pattern.StartsWith('/') ? pattern : "/" + pattern;
    }

    /// <summary>Closes every socket of <paramref name="accountId"/> on this instance with <see cref="AccountClosed"/>.</summary>
    public Task CloseAccountAsync(long accountId, string reason)
    {
        var open = _connections.Values.Where(c => c.Admission.AccountId == accountId).ToList();
        return Task.WhenAll(open.Select(async c =>
        {
            try
            {
                await CloseAsync(c, AccountClosed, reason);
            }
            catch (ObjectDisposedException)
            {
                // The socket ended on its own meanwhile.
            }
        }));
    }

    /// <summary>When the access token behind <paramref name="principal"/> expires (its <c>exp</c>); null when it names none.</summary>
    public static DateTimeOffset? ExpiryOf(ClaimsPrincipal principal) =>
        long.TryParse(principal.FindFirst("exp")?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : null;

    /// <summary>True when <paramref name="principal"/>'s token has expired by the application clock.</summary>
    public bool HasExpired(ClaimsPrincipal principal) => ExpiryOf(principal) is { } expiry && expiry <= _clock.GetUtcNow();

    /// <summary>IPv4 addresses count alone; IPv6 addresses by their /64, which one subscriber usually holds whole.</summary>
    private static string AddressKey(HttpContext context)
    {
        var address = context.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != System.Net.Sockets.AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out _);
        bytes[8..].Clear();
        return new System.Net.IPAddress(bytes).ToString() + "/64";
    }

    private static bool TryTake<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key, int max)
        where TKey : notnull
    {
        while (true)
        {
            var current = counts.GetOrAdd(key, 0);
            if (current >= Math.Max(1, max))
            {
                return false;
            }

            if (counts.TryUpdate(key, current + 1, current))
            {
                return true;
            }
        }
    }

    private static void Give<TKey>(ConcurrentDictionary<TKey, int> counts, TKey key)
        where TKey : notnull
    {
        while (counts.TryGetValue(key, out var current))
        {
            if (current <= 1 ? counts.TryRemove(new KeyValuePair<TKey, int>(key, current)) : counts.TryUpdate(key, current - 1, current))
            {
                return;
            }
        }
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
        await Task.WhenAll(open.Select(c => CloseAsync(c, WebSocketCloseStatus.EndpointUnavailable, "Server is shutting down")));
        await _stopping.CancelAsync();
    }

    private static async Task CloseAsync(Connection connection, WebSocketCloseStatus status, string reason)
    {
        await WebSocketFrames.CloseOutputAsync(connection, status, reason);

        // Give the peer the handshake window to answer (its close ends the socket's loop), then cut it.
        await Task.Delay(CloseHandshakeTimeout, connection.Completed).ContinueWith(_ => { }, CancellationToken.None);
        if (connection.Socket.State != WebSocketState.Closed)
        {
            connection.Socket.Abort();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Closing {Count} open WebSocket connection(s) for shutdown")]
    private partial void LogClosing(int count);

    /// <summary>A socket's place in the per-address and per-account counts, given back when the socket ends.</summary>
    public sealed class Admission : IDisposable
    {
        private readonly WebSocketConnectionTracker _tracker;
        private readonly string _address;
        private long? _account;
        private int _disposed;

        internal Admission(WebSocketConnectionTracker tracker, string address, string transport)
        {
            _tracker = tracker;
            _address = address;
            Transport = transport;
        }

        /// <summary>The endpoint the socket was opened on (<see cref="TransportOf"/>).</summary>
        public string Transport { get; }

        /// <summary>The account the socket counts for; null while it has not authenticated.</summary>
        public long? AccountId => _account;

        /// <summary>
        /// Counts the socket against <paramref name="accountId"/> (for a socket that authenticates after
        /// the upgrade); false when the account already holds its maximum. A socket counts for one account.
        /// </summary>
        public bool TryBindAccount(long accountId)
        {
            if (_account is { } bound)
            {
                return bound == accountId;
            }

            if (!TryTake(_tracker._perAccount, accountId, _tracker._options.CurrentValue.MaxConnectionsPerAccount))
            {
                return false;
            }

            _account = accountId;
            return true;
        }

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) != 0)
            {
                return;
            }

            Give(_tracker._perAddress, _address);
            if (_account is { } account)
            {
                Give(_tracker._perAccount, account);
            }
        }
    }

    /// <summary>One tracked socket. Send through <see cref="SendLock"/>: a WebSocket allows one sender at a time.</summary>
    public sealed class Connection : IDisposable
    {
        private readonly WebSocketConnectionTracker _tracker;
        private readonly CancellationTokenSource _closing;
        private readonly CancellationTokenSource _completed = new();
        private ITimer? _expiry;

        internal Connection(WebSocketConnectionTracker tracker, WebSocket socket, Admission admission, CancellationTokenSource closing)
        {
            _tracker = tracker;
            _closing = closing;
            Socket = socket;
            Admission = admission;
        }

        /// <summary>The connection's place in the per-address and per-account counts.</summary>
        public Admission Admission { get; }

        public Guid Id { get; } = Guid.NewGuid();

        public WebSocket Socket { get; }

        public SemaphoreSlim SendLock { get; } = new(1, 1);

        /// <summary>Fires when the server is closing this connection (shutdown).</summary>
        public CancellationToken Closing => _closing.Token;

        internal CancellationToken Completed => _completed.Token;

        /// <summary>Closes the socket (4001) when the token behind <paramref name="credentials"/> expires, by the application clock.</summary>
        public void CloseWhenExpired(ClaimsPrincipal credentials)
        {
            if (ExpiryOf(credentials) is not { } expiry)
            {
                return;
            }

            var due = expiry - _tracker._clock.GetUtcNow();
            _expiry?.Dispose();
            _expiry = _tracker._clock.CreateTimer(
                static state => _ = ((Connection)state!).ExpireAsync(),
                this,
                due > TimeSpan.Zero ? due : TimeSpan.Zero,
                Timeout.InfiniteTimeSpan);
        }

        private async Task ExpireAsync()
        {
            try
            {
                await CloseAsync(this, CredentialsExpired, "Access token expired; reconnect with a fresh one");
            }
            catch (ObjectDisposedException)
            {
                // The socket ended on its own while the timer fired.
            }
        }

        public void Dispose()
        {
            _expiry?.Dispose();
            _tracker._connections.TryRemove(Id, out _);
            Admission.Dispose();
            _completed.Cancel();
            _completed.Dispose();
            _closing.Dispose();
        }
    }
}

/// <summary><c>Realtime:*</c>: the bounds on raw WebSocket connections every socket endpoint shares.</summary>
public sealed class RealtimeOptions
{
    public const string Section = "Realtime";

    /// <summary><c>Realtime:MaxConnectionsPerAccount</c>: open sockets one account may hold on this instance.</summary>
    public int MaxConnectionsPerAccount { get; set; } = 16;

    /// <summary><c>Realtime:MaxConnectionsPerAddress</c>: open sockets one client address (an IPv6 /64) may hold on this instance.</summary>
    public int MaxConnectionsPerAddress { get; set; } = 256;

    /// <summary><c>Realtime:AuthenticateWithinSeconds</c>: how long a socket opened without a token has to authenticate (Kitchen <c>/ws</c>'s first <c>session</c>).</summary>
    public int AuthenticateWithinSeconds { get; set; } = 5;

    /// <summary><c>Realtime:IdleSeconds</c>: a Kitchen <c>/ws</c> socket that sends nothing this long is closed.</summary>
    public int IdleSeconds { get; set; } = 300;
}
