using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using CleanGames.Application.Common.Abstractions;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>One transport's delivery of realtime events (raw sockets, a SignalR hub).</summary>
public interface IRealtimeSink
{
    ValueTask DeliverAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken);
}

/// <summary>The notifier port's adapter: every event goes to every transport's sink.</summary>
internal sealed class RealtimeNotifier(IEnumerable<IRealtimeSink> sinks) : IRealtimeNotifier
{
    private readonly IRealtimeSink[] _sinks = sinks.ToArray();

    public async ValueTask PublishAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken = default)
    {
        foreach (var sink in _sinks)
        {
            await sink.DeliverAsync(realtimeEvent, cancellationToken);
        }
    }
}

/// <summary>
/// Raw WebSocket subscriptions by (topic, account). Each subscriber frames events its own way
/// (the seed of its socket decides); an event is framed once per framing, not once per socket,
/// and handed to each socket's <see cref="SocketPusher"/>, so publishing never waits on a client.
/// </summary>
public sealed class SocketSubscriptions : IRealtimeSink
{
    private readonly ConcurrentDictionary<(string Topic, long AccountId), ImmutableArray<SocketSubscriber>> _subscribers = new();

    public IDisposable Subscribe(string topic, long accountId, SocketSubscriber subscriber)
    {
        var key = (topic, accountId);
        _subscribers.AddOrUpdate(key, static (_, s) => [s], static (_, list, s) => list.Add(s), subscriber);
        return new Subscription(this, key, subscriber);
    }

    /// <summary>True while a socket of the account listens to the topic on this instance.</summary>
    public bool HasSubscriber(string topic, long accountId) => _subscribers.ContainsKey((topic, accountId));

    public ValueTask DeliverAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        if (!_subscribers.TryGetValue((realtimeEvent.Topic, realtimeEvent.AccountId), out var subscribers))
        {
            return ValueTask.CompletedTask;
        }

        Func<RealtimeEvent, byte[]>? lastFormat = null;
        byte[]? frame = null;
        foreach (var subscriber in subscribers)
        {
            if (subscriber.ConnectionId == realtimeEvent.ExceptConnectionId)
            {
                continue;
            }

            if (!ReferenceEquals(subscriber.Format, lastFormat))
            {
                (lastFormat, frame) = (subscriber.Format, subscriber.Format(realtimeEvent));
            }

            subscriber.Pusher.Push(frame!, realtimeEvent.Droppable);
        }

        return ValueTask.CompletedTask;
    }

    private void Unsubscribe((string Topic, long AccountId) key, SocketSubscriber subscriber)
    {
        while (_subscribers.TryGetValue(key, out var list))
        {
            var updated = list.Remove(subscriber);
            var done = updated.IsEmpty
                ? _subscribers.TryRemove(new KeyValuePair<(string, long), ImmutableArray<SocketSubscriber>>(key, list))
                : _subscribers.TryUpdate(key, updated, list);
            if (done)
            {
                return;
            }
        }
    }

    private sealed class Subscription(SocketSubscriptions owner, (string Topic, long AccountId) key, SocketSubscriber subscriber) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                owner.Unsubscribe(key, subscriber);
            }
        }
    }
}

/// <summary>A socket listening to a topic: its connection id (to skip the event's origin), its framing, its pusher.</summary>
public sealed record SocketSubscriber(string ConnectionId, Func<RealtimeEvent, byte[]> Format, SocketPusher Pusher);

/// <summary>
/// Sends pushed frames to one socket from a queue of its own, so a client that stops reading only
/// delays itself. The queue is bounded: droppable frames (chat) are dropped once it is half full; a
/// full queue drops its oldest frame when frames supersede each other (full-state broadcasts), else
/// the client is dropped; a send stuck longer than <paramref name="sendTimeout"/> drops the client too.
/// </summary>
public sealed partial class SocketPusher : IDisposable
{
    private readonly WebSocketConnectionTracker.Connection _connection;
    private readonly Channel<byte[]> _queue;
    private readonly bool _framesSupersede;
    private readonly TimeSpan _sendTimeout;
    private readonly ILogger _logger;
    private readonly Task _pump;
    private readonly object _holdGate = new();
    private readonly int _capacity;
    private List<byte[]>? _held;

    public SocketPusher(WebSocketConnectionTracker.Connection connection, int capacity, bool framesSupersede, TimeSpan sendTimeout, ILogger logger)
    {
        _connection = connection;
        _capacity = capacity;
        _framesSupersede = framesSupersede;
        _sendTimeout = sendTimeout;
        _logger = logger;
        _queue = Channel.CreateBounded<byte[]>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = framesSupersede ? BoundedChannelFullMode.DropOldest : BoundedChannelFullMode.Wait,
        });
        _pump = PumpAsync();
    }

    /// <param name="droppable">
    /// A frame the client can do without (a chat line): once the queue is half full it is dropped, so a
    /// slow reader loses chat lines, and the room the queue keeps goes to the frames that matter.
    /// </param>
    public void Push(byte[] frame, bool droppable = false)
    {
        if (droppable && _queue.Reader.Count >= _capacity / 2)
        {
            return;
        }

        if (Volatile.Read(ref _held) is not null)
        {
            lock (_holdGate)
            {
                if (_held is { } held)
                {
                    if (held.Count < _capacity)
                    {
                        held.Add(frame);
                        return;
                    }

                    // As many frames as the queue holds are waiting already: the same overflow as a full queue.
                    _held = null;
                    LogDropped(_connection.Id);
                    _connection.Socket.Abort();
                    _queue.Writer.TryComplete();
                    return;
                }
            }
        }

        Write(frame);
    }

    /// <summary>
    /// Queues the answer to the client's own frame, waiting while the queue is full: a client that
    /// sends faster than it reads is simply read more slowly (its answers are never dropped, and it
    /// is not cut off for them); one that stops reading altogether is dropped by the send timeout.
    /// </summary>
    public async ValueTask PushAnswerAsync(byte[] frame, CancellationToken cancellationToken)
    {
        if (Volatile.Read(ref _held) is not null)
        {
            Push(frame);
            return;
        }

        try
        {
            await _queue.Writer.WriteAsync(frame, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            // The socket is gone (or being drained): nothing more is sent on it.
        }
    }

    /// <summary>
    /// Keeps pushed frames back until <see cref="Release"/>: a socket subscribes, then reads the
    /// snapshot it opens with, and events of the moment between reach it after that snapshot.
    /// </summary>
    public void Hold()
    {
        lock (_holdGate)
        {
            _held ??= [];
        }
    }

    /// <summary>Sends <paramref name="first"/>, then the frames held back, then pushes as they come.</summary>
    public void Release(params ReadOnlySpan<byte[]> first)
    {
        lock (_holdGate)
        {
            foreach (var frame in first)
            {
                Write(frame);
            }

            foreach (var frame in _held ?? [])
            {
                Write(frame);
            }

            Volatile.Write(ref _held, null);
        }
    }

    private void Write(byte[] frame)
    {
        if (!_queue.Writer.TryWrite(frame) && !_framesSupersede)
        {
            LogDropped(_connection.Id);
            _connection.Socket.Abort();
            _queue.Writer.TryComplete();
        }
    }

    public void Dispose()
    {
        _queue.Writer.TryComplete();
    }

    /// <summary>Stops accepting frames and waits until the queued ones are sent (or the socket is gone).</summary>
    public Task DrainAsync()
    {
        _queue.Writer.TryComplete();
        return _pump;
    }

    private async Task PumpAsync()
    {
        await Task.Yield();
        try
        {
            while (await _queue.Reader.WaitToReadAsync(_connection.Closing))
            {
                while (_queue.Reader.TryRead(out var frame))
                {
                    using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_connection.Closing);
                    timeout.CancelAfter(_sendTimeout);
                    try
                    {
                        await WebSocketFrames.SendTextAsync(_connection, frame, timeout.Token);
                    }
                    catch (OperationCanceledException) when (timeout.IsCancellationRequested && !_connection.Closing.IsCancellationRequested)
                    {
                        LogDropped(_connection.Id);
                        _connection.Socket.Abort();
                        return;
                    }
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or System.Net.WebSockets.WebSocketException or ObjectDisposedException)
        {
            // The socket closed or the server is shutting down: nothing more to send.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping socket {ConnectionId}: it does not read what it is sent")]
    private partial void LogDropped(Guid connectionId);
}

/// <summary>How many hub connections each account has on one hub, so a push to nobody costs nothing.</summary>
public sealed class AccountPresence
{
    private readonly ConcurrentDictionary<long, int> _connections = new();

    public void Join(long accountId) => _connections.AddOrUpdate(accountId, 1, static (_, n) => n + 1);

    public void Leave(long accountId)
    {
        while (_connections.TryGetValue(accountId, out var count))
        {
            if (count <= 1 ? _connections.TryRemove(new KeyValuePair<long, int>(accountId, count)) : _connections.TryUpdate(accountId, count - 1, count))
            {
                return;
            }
        }
    }

    public bool IsPresent(long accountId) => _connections.ContainsKey(accountId);
}
