using System.Collections.Concurrent;
using System.Diagnostics;

namespace CleanGames.WebApi.Gateway;

/// <summary>
/// Remembers the reply to each (account, request id) for the idempotency window, so a retried
/// command is answered again without running again; a retry of a command still running waits
/// for the same execution. A request id is bound to what it asked (a fingerprint of the domain,
/// command and payload): the same id with another command is refused (<c>idempotency_key_reused</c>),
/// never answered with the other command's reply, so two devices of one account that number their
/// requests alike cannot get each other's answers. Memory stays bounded whatever clients send: each
/// account keeps at most <c>Gateway:IdempotencyMaxEntriesPerAccount</c> replies and
/// <c>Gateway:IdempotencyMaxBytesPerAccount</c> bytes of them (its oldest go first), and an account
/// that has gone quiet is dropped once its replies expire. One marker per account in a queue drives
/// the expiry, swept a little on every call: no timer and no full scan.
/// </summary>
public sealed class GatewayReplyCache
{
    private readonly ConcurrentDictionary<long, AccountReplies> _accounts = new();
    private readonly ConcurrentQueue<(long AccountId, AccountReplies Owner, long DueAt)> _markers = new();

    /// <summary>Accounts with remembered replies (for tests and diagnostics).</summary>
    public int AccountCount => _accounts.Count;

    /// <param name="fingerprint">What the request asks (see <see cref="Fingerprint"/>); a remembered id with another one gets <paramref name="reused"/>.</param>
    public Task<byte[]> GetOrRunAsync(long accountId, string requestId, UInt128 fingerprint, ReplyCacheLimits limits, Func<Task<byte[]>> run, Func<byte[]> reused)
    {
        ArgumentNullException.ThrowIfNull(limits);
        var now = Stopwatch.GetTimestamp();
        var windowTicks = (long)(limits.Window.TotalSeconds * Stopwatch.Frequency);
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
                if (stripe.TryGet(requestId, out var remembered))
                {
                    if (remembered!.Fingerprint != fingerprint)
                    {
                        return Task.FromResult(reused());
                    }

                    reply = remembered.Reply;
                }
                else
                {
                    stripe.EvictOldestBeyond(Math.Max(1, limits.MaxEntries / AccountReplies.StripeCount) - 1);
                    mine = new TaskCompletionSource<byte[]>(TaskCreationOptions.RunContinuationsAsynchronously);
                    reply = mine.Task;
                    stripe.Add(requestId, new Entry(reply, fingerprint), now + windowTicks);
                }
            }

            if (mine is not null && replies.TrySchedule())
            {
                _markers.Enqueue((accountId, replies, now + windowTicks));
            }

            return mine is null ? reply : RunAsync(mine, run, stripe, requestId, Math.Max(1, limits.MaxBytes / AccountReplies.StripeCount));
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

    /// <summary>
    /// A fingerprint of what a command asks: its domain, its command and its payload exactly as sent.
    /// A retry sends the same bytes; anything else under the same request id is another request.
    /// </summary>
    public static UInt128 Fingerprint(string domain, string command, ReadOnlySpan<byte> payloadUtf8)
    {
        // One buffer from the pool and one SHA-256 over "domain\0command\0payload": nothing allocated per command.
        var utf8 = System.Text.Encoding.UTF8;
        var length = utf8.GetMaxByteCount(domain.Length) + utf8.GetMaxByteCount(command.Length) + 2 + payloadUtf8.Length;
        var rented = System.Buffers.ArrayPool<byte>.Shared.Rent(length);
        try
        {
            var written = utf8.GetBytes(domain, rented);
            rented[written++] = 0;
            written += utf8.GetBytes(command, rented.AsSpan(written));
            rented[written++] = 0;
            payloadUtf8.CopyTo(rented.AsSpan(written));
            written += payloadUtf8.Length;
            Span<byte> digest = stackalloc byte[32];
            System.Security.Cryptography.SHA256.HashData(rented.AsSpan(0, written), digest);
            return System.Buffers.Binary.BinaryPrimitives.ReadUInt128LittleEndian(digest);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static async Task<byte[]> RunAsync(TaskCompletionSource<byte[]> completion, Func<Task<byte[]>> run, Stripe stripe, string requestId, long maxStripeBytes)
    {
        try
        {
            var reply = await run();
            completion.SetResult(reply);
            lock (stripe)
            {
                // Only now is the reply's size known: count it, and forget the oldest past the budget.
                stripe.Measure(requestId, completion.Task, reply.Length);
                stripe.EvictOldestBeyondBytes(maxStripeBytes);
            }

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

    /// <summary>A remembered reply, what asked for it, and (once known) the bytes it holds.</summary>
    private sealed class Entry(Task<byte[]> reply, UInt128 fingerprint)
    {
        public Task<byte[]> Reply { get; } = reply;

        public UInt128 Fingerprint { get; } = fingerprint;

        public long Bytes { get; set; }
    }

    private sealed class Stripe
    {
        /// <summary>What an entry costs besides its reply: the id, the dictionary and queue slots, the task.</summary>
        private const int EntryOverhead = 200;

        private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);
        private readonly Queue<(string RequestId, Entry Entry, long ExpiresAt)> _order = new();
        private long _bytes;

        public bool IsEmpty => _entries.Count == 0;

        public long? OldestExpiry => _order.Count > 0 ? _order.Peek().ExpiresAt : null;

        public bool TryGet(string requestId, out Entry? entry) => _entries.TryGetValue(requestId, out entry);

        public void Add(string requestId, Entry entry, long expiresAt)
        {
            _entries[requestId] = entry;
            _order.Enqueue((requestId, entry, expiresAt));
        }

        /// <summary>Counts a finished reply's size against the stripe's budget (if it is still remembered).</summary>
        public void Measure(string requestId, Task<byte[]> reply, int replyBytes)
        {
            if (_entries.TryGetValue(requestId, out var entry) && ReferenceEquals(entry.Reply, reply) && entry.Bytes == 0)
            {
                entry.Bytes = replyBytes + (2L * requestId.Length) + EntryOverhead;
                _bytes += entry.Bytes;
            }
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

        public void EvictOldestBeyondBytes(long maxBytes)
        {
            while (_bytes > maxBytes && _order.Count > 0)
            {
                RemoveOldest();
            }
        }

        private void RemoveOldest()
        {
            var (requestId, entry, _) = _order.Dequeue();
            _bytes -= entry.Bytes;
            entry.Bytes = 0;
            // The id may have been sent again since (after eviction): keep the newer reply.
            if (_entries.TryGetValue(requestId, out var current) && ReferenceEquals(current, entry))
            {
                _entries.Remove(requestId);
            }
        }
    }
}

/// <summary>How long replies are remembered, and how many and how many bytes of them per account.</summary>
public sealed record ReplyCacheLimits(TimeSpan Window, int MaxEntries, long MaxBytes);
