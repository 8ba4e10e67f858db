using System.Collections.Concurrent;
using System.Diagnostics;

namespace CleanGames.WebApi.Gateway;

/// <summary>
/// Remembers the reply to each (account, request id) for the idempotency window, so a retried
/// command is answered again without running again; a retry of a command still running waits
/// for the same execution. Memory stays bounded whatever clients send: each account keeps at most
/// <c>Gateway:IdempotencyMaxEntriesPerAccount</c> replies (its oldest go first; within the command
/// rate limit that covers the whole window for several connections), and an account that has gone
/// quiet is dropped once its replies expire. One marker per account in a queue drives the expiry,
/// swept a little on every call: no timer and no full scan.
/// </summary>
public sealed class GatewayReplyCache
{
    private readonly ConcurrentDictionary<long, AccountReplies> _accounts = new();
    private readonly ConcurrentQueue<(long AccountId, AccountReplies Owner, long DueAt)> _markers = new();

    /// <summary>Accounts with remembered replies (for tests and diagnostics).</summary>
    public int AccountCount => _accounts.Count;

    public Task<byte[]> GetOrRunAsync(long accountId, string requestId, TimeSpan window, int maxEntries, Func<Task<byte[]>> run)
    {
        var now = Stopwatch.GetTimestamp();
        var windowTicks = (long)(window.TotalSeconds * Stopwatch.Frequency);
        SweepQuietAccounts(now);
        while (true)
        {
            var replies = _accounts.GetOrAdd(accountId, static _ => new AccountReplies());
            TaskCompletionSource<byte[]>? mine = null;
            Task<byte[]> reply;
            lock (replies)
            {
                if (replies.Dead)
                {
                    // Emptied and dropped by a sweep a moment ago: use a fresh one.
                    continue;
                }

                replies.SweepExpired(now);
                if (!replies.TryGet(requestId, out reply!))
                {
                    replies.EvictOldestBeyond(Math.Max(1, maxEntries) - 1);
                    mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                    reply = mine.Task;
                    replies.Add(requestId, reply, now + windowTicks);
                    if (!replies.Scheduled)
                    {
                        replies.Scheduled = true;
                        _markers.Enqueue((accountId, replies, now + windowTicks));
                    }
                }
            }

            return mine is null ? reply : RunAsync(mine, run);
        }
    }

    private void SweepQuietAccounts(long now)
    {
        // A few markers per call keep the work per command constant.
        for (var i = 0; i < 4 && _markers.TryPeek(out var head) && head.DueAt <= now && _markers.TryDequeue(out head); i++)
        {
            lock (head.Owner)
            {
                head.Owner.SweepExpired(now);
                if (head.Owner.IsEmpty)
                {
                    head.Owner.Dead = true;
                    _accounts.TryRemove(new KeyValuePair<long, AccountReplies>(head.AccountId, head.Owner));
                }
                else
                {
                    _markers.Enqueue((head.AccountId, head.Owner, head.Owner.OldestExpiry));
                }
            }
        }
    }

    private static async Task<byte[]> RunAsync(TaskCompletionSource<byte[]> completion, Func<Task<byte[]>> run)
    {
        try
        {
            var reply = await run();
            completion.SetResult(reply);
            return reply;
        }
        catch (Exception exception)
        {
            completion.SetException(exception);
            throw;
        }
    }

    private sealed class AccountReplies
    {
        private readonly Dictionary<string, Task<byte[]>> _entries = new(StringComparer.Ordinal);
        private readonly Queue<(string RequestId, Task<byte[]> Reply, long ExpiresAt)> _order = new();

        public bool Dead { get; set; }

        public bool Scheduled { get; set; }

        public bool IsEmpty => _entries.Count == 0;

        public long OldestExpiry => _order.Count > 0 ? _order.Peek().ExpiresAt : 0;

        public bool TryGet(string requestId, out Task<byte[]>? reply) => _entries.TryGetValue(requestId, out reply);

        public void Add(string requestId, Task<byte[]> reply, long expiresAt)
        {
            _entries[requestId] = reply;
            _order.Enqueue((requestId, reply, expiresAt));
        }

        public void SweepExpired(long now)
        {
            while (_order.Count > 0 && _order.Peek().ExpiresAt <= now)
            {
                RemoveOldest();
            }
        }

        public void EvictOldestBeyond(int keep)
        {
            while (_entries.Count > keep && _order.Count > 0)
            {
                RemoveOldest();
            }
        }

        private void RemoveOldest()
        {
            var (requestId, reply, _) = _order.Dequeue();
            // The id may have been sent again since (after eviction): keep the newer reply.
            if (_entries.TryGetValue(requestId, out var current) && ReferenceEquals(current, reply))
            {
                _entries.Remove(requestId);
            }
        }
    }
}
