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
            var stripe = replies.StripeFor(requestId);
            TaskCompletionSource<byte[]>? mine = null;
            Task<byte[]> reply;
            lock (stripe)
            {
                if (replies.Dead)
                {
                    // Emptied and dropped by a sweep a moment ago: use a fresh one.
                    continue;
                }

                stripe.SweepExpired(now);
                if (!stripe.TryGet(requestId, out reply!))
                {
                    stripe.EvictOldestBeyond(Math.Max(1, maxEntries / AccountReplies.StripeCount) - 1);
                    mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                    reply = mine.Task;
                    stripe.Add(requestId, reply, now + windowTicks);
                }
            }

            if (mine is not null && replies.TrySchedule())
            {
                _markers.Enqueue((accountId, replies, now + windowTicks));
            }

            return mine is null ? reply : RunAsync(mine, run);
        }
    }

    private void SweepQuietAccounts(long now)
    {
        // A few markers per call keep the work per command constant.
        for (var i = 0; i < 4 && _markers.TryPeek(out var head) && head.DueAt <= now && _markers.TryDequeue(out head); i++)
        {
            var next = head.Owner.SweepExpired(now);
            if (next is null && head.Owner.TryRetire())
            {
                _accounts.TryRemove(new KeyValuePair<long, AccountReplies>(head.AccountId, head.Owner));
            }
            else
            {
                _markers.Enqueue((head.AccountId, head.Owner, next ?? now));
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

    /// <summary>
    /// One account's replies, split into stripes by request id so that many connections of one
    /// account do not queue on one lock.
    /// </summary>
    private sealed class AccountReplies
    {
        public const int StripeCount = 8;
        private readonly Stripe[] _stripes = Enumerable.Range(0, StripeCount).Select(_ => new Stripe()).ToArray();
        private int _scheduled;

        public volatile bool Dead;

        public Stripe StripeFor(string requestId) => _stripes[(int)((uint)StringComparer.Ordinal.GetHashCode(requestId) % StripeCount)];

        /// <summary>True for the one caller that should queue this account's expiry marker.</summary>
        public bool TrySchedule() => Interlocked.CompareExchange(ref _scheduled, 1, 0) == 0;

        /// <summary>Sweeps every stripe; answers when the next reply expires, or null when none is left.</summary>
        public long? SweepExpired(long now)
        {
            long? next = null;
            foreach (var stripe in _stripes)
            {
                lock (stripe)
                {
                    stripe.SweepExpired(now);
                    if (stripe.OldestExpiry is { } expiry && (next is null || expiry < next))
                    {
                        next = expiry;
                    }
                }
            }

            return next;
        }

        /// <summary>Marks the account dead if it is still empty, holding every stripe so nothing is added meanwhile.</summary>
        public bool TryRetire()
        {
            var taken = 0;
            try
            {
                foreach (var stripe in _stripes)
                {
                    Monitor.Enter(stripe);
                    taken++;
                }

                if (_stripes.Any(s => !s.IsEmpty))
                {
                    return false;
                }

                Dead = true;
                return true;
            }
            finally
            {
                for (var i = 0; i < taken; i++)
                {
                    Monitor.Exit(_stripes[i]);
                }
            }
        }
    }

    private sealed class Stripe
    {
        private readonly Dictionary<string, Task<byte[]>> _entries = new(StringComparer.Ordinal);
        private readonly Queue<(string RequestId, Task<byte[]> Reply, long ExpiresAt)> _order = new();

        public bool IsEmpty => _entries.Count == 0;

        public long? OldestExpiry => _order.Count > 0 ? _order.Peek().ExpiresAt : null;

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
