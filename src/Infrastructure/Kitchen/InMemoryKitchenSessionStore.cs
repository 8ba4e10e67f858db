using System.Collections.Concurrent;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Sessions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>
/// The single-instance session store: live sessions in memory, written behind. The hot path
/// (<c>cook</c>, <c>sell</c>, <c>passive</c>) takes only the account's gate; the write-behind job
/// writes changed sessions every <c>Kitchen:WriteBehindMilliseconds</c>, the last connection to
/// leave writes its account's session, and shutdown writes everything. Write-through changes hold
/// the gate until their row is written, and undo themselves if the write fails.
/// </summary>
/// <remarks>
/// Lock order: an entry's write lock, then its gate. The write lock orders database writes of one
/// session, so an older snapshot is never written over a newer one; flushes are serialised, so a
/// flush holding several write locks never waits on another flush.
/// </remarks>
internal sealed partial class InMemoryKitchenSessionStore(
    KitchenSessionPersistence persistence,
    IOptions<KitchenOptions> options,
    ILogger<InMemoryKitchenSessionStore> logger) : IKitchenSessionStore
{
    private const int FlushBatchSize = 200;
    private readonly ConcurrentDictionary<long, Entry> _entries = new();
    private readonly SemaphoreSlim _flushing = new(1, 1);

    public async Task<KitchenExecution<T>> ExecuteAsync<T>(long accountId, KitchenWrite write, Func<KitchenSession>? open, Func<LiveKitchenSession, T> play, CancellationToken cancellationToken)
    {
        while (true)
        {
            var entry = _entries.GetOrAdd(accountId, static id => new Entry(id));

            // Opening may create the session, which is written through as well.
            var ordered = write == KitchenWrite.Through || open is not null;
            if (ordered)
            {
                await entry.WriteLock.WaitAsync(cancellationToken);
            }

            try
            {
                await entry.Gate.WaitAsync(cancellationToken);
                try
                {
                    if (entry.Evicted)
                    {
                        continue;
                    }

                    return await PlayAsync(entry, write, open, play, cancellationToken);
                }
                finally
                {
                    entry.LastUsed = Environment.TickCount64;
                    entry.Gate.Release();
                }
            }
            finally
            {
                if (ordered)
                {
                    entry.WriteLock.Release();
                }
            }
        }
    }

    public async Task AttachAsync(long accountId, CancellationToken cancellationToken)
    {
        while (true)
        {
            // Under the gate, so eviction (which checks the count under the gate) never drops an entry being attached.
            var entry = _entries.GetOrAdd(accountId, static id => new Entry(id));
            await entry.Gate.WaitAsync(cancellationToken);
            try
            {
                if (!entry.Evicted)
                {
                    entry.Attachments++;
                    return;
                }
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    public async Task DetachAsync(long accountId)
    {
        if (!_entries.TryGetValue(accountId, out var entry))
        {
            return;
        }

        await entry.Gate.WaitAsync();
        int remaining;
        try
        {
            remaining = entry.Attachments = Math.Max(0, entry.Attachments - 1);
        }
        finally
        {
            entry.Gate.Release();
        }

        if (remaining == 0)
        {
            await WriteAsync([entry], CancellationToken.None);
        }
    }

    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        var pending = _entries.Values.Where(e => e.IsDirty).OrderBy(e => e.AccountId).ToList();
        if (pending.Count == 0)
        {
            return;
        }

        await _flushing.WaitAsync(cancellationToken);
        try
        {
            foreach (var batch in pending.Chunk(FlushBatchSize))
            {
                await WriteAsync(batch, cancellationToken);
            }
        }
        finally
        {
            _flushing.Release();
        }
    }

    public IReadOnlyList<KitchenStanding> UnwrittenStandings()
    {
        var standings = new List<KitchenStanding>();
        foreach (var entry in _entries.Values)
        {
            // Read without the gate: each value is read whole; a change racing the read shows on the next read.
            if (entry.IsDirty && entry.Session is { } session)
            {
                standings.Add(new KitchenStanding(session.Id, session.PrestigePoints, session.LifetimeEarnings, session.Rank));
            }
        }

        return standings;
    }

    /// <summary>Drops sessions nobody is attached to and nobody used lately; only written ones go.</summary>
    public void EvictIdle()
    {
        var idleMs = (long)TimeSpan.FromMinutes(options.Value.IdleEvictMinutes).TotalMilliseconds;
        var now = Environment.TickCount64;
        foreach (var entry in _entries.Values)
        {
            if (entry.Attachments > 0 || now - entry.LastUsed < idleMs || entry.IsDirty || !entry.Gate.Wait(0))
            {
                continue;
            }

            try
            {
                if (entry.Attachments <= 0 && !entry.IsDirty)
                {
                    Evict(entry);
                }
            }
            finally
            {
                entry.Gate.Release();
            }
        }
    }

    /// <summary>Call under the entry's gate.</summary>
    private void Evict(Entry entry)
    {
        entry.Evicted = true;
        _entries.TryRemove(new KeyValuePair<long, Entry>(entry.AccountId, entry));
    }

    private async Task<KitchenExecution<T>> PlayAsync<T>(Entry entry, KitchenWrite write, Func<KitchenSession>? open, Func<LiveKitchenSession, T> play, CancellationToken cancellationToken)
    {
        if (!entry.Loaded)
        {
            var stored = await persistence.LoadAsync(entry.AccountId, cancellationToken)
                         ?? throw new DomainException(KitchenErrors.AccountMissing);
            (entry.Session, entry.Email, entry.PersistedRevision, entry.Loaded) = (stored.Session, stored.Email, stored.Session?.Revision ?? 0, true);
        }

        var opened = false;
        if (entry.Session is null)
        {
            var created = open?.Invoke() ?? throw new DomainException(KitchenErrors.NoSession);
            if (created.Id != entry.AccountId)
            {
                throw new InvalidOperationException("The opened Kitchen session belongs to another account.");
            }

            entry.Session = created;
            opened = true;
        }

        var session = entry.Session;
        var before = session.Revision;
        var undo = write == KitchenWrite.Through ? session.Snapshot() : null;
        T result;
        try
        {
            result = play(new LiveKitchenSession(session, entry.Email, opened));
        }
        catch
        {
            // A refusal changes nothing, including the accounting done before the rule was checked.
            Undo(entry, opened, undo, before);
            throw;
        }

        var changed = opened || session.Revision != before;
        if (changed && (opened || write == KitchenWrite.Through))
        {
            try
            {
                // Not cancellable: once the write starts, the reply must tell what the database holds.
                await persistence.SaveAsync([session.Snapshot()], CancellationToken.None);
                entry.PersistedRevision = session.Revision;
            }
            catch (Exception exception)
            {
                Undo(entry, opened, undo, before);
                if (await AccountGoneAsync(entry.AccountId))
                {
                    Evict(entry);
                    throw new DomainException(KitchenErrors.AccountMissing);
                }

                LogWriteThroughFailed(exception, entry.AccountId);
                throw new DomainException(KitchenErrors.StoreUnavailable);
            }
        }

        return new KitchenExecution<T>(result, changed);
    }

    private static void Undo(Entry entry, bool opened, KitchenSessionSnapshot? undo, long revisionBefore)
    {
        if (opened)
        {
            entry.Session = null;
        }
        else if (undo is not null && entry.Session!.Revision != revisionBefore)
        {
            entry.Session.Restore(undo);
        }
    }

    /// <summary>Writes the entries' pending changes; a failed write leaves them pending for the next flush.</summary>
    private async Task WriteAsync(IReadOnlyList<Entry> entries, CancellationToken cancellationToken)
    {
        var locked = new List<Entry>(entries.Count);
        try
        {
            foreach (var entry in entries)
            {
                await entry.WriteLock.WaitAsync(cancellationToken);
                locked.Add(entry);
            }

            var snapshots = new List<(Entry Entry, KitchenSessionSnapshot Snapshot, long Revision)>(locked.Count);
            foreach (var entry in locked)
            {
                await entry.Gate.WaitAsync(cancellationToken);
                try
                {
                    if (entry.IsDirty)
                    {
                        snapshots.Add((entry, entry.Session!.Snapshot(), entry.Session.Revision));
                    }
                }
                finally
                {
                    entry.Gate.Release();
                }
            }

            if (snapshots.Count == 0)
            {
                return;
            }

            if (await TrySaveAsync(snapshots.Select(s => s.Snapshot).ToArray()))
            {
                foreach (var (entry, _, revision) in snapshots)
                {
                    entry.PersistedRevision = revision;
                }

                return;
            }

            // One bad session (say, of an account deleted meanwhile) must not hold back the others:
            // each is written on its own, and the session of an account that is gone is dropped.
            foreach (var (entry, snapshot, revision) in snapshots)
            {
                if (snapshots.Count > 1 && await TrySaveAsync([snapshot]))
                {
                    entry.PersistedRevision = revision;
                }
                else if (await AccountGoneAsync(entry.AccountId))
                {
                    await entry.Gate.WaitAsync(CancellationToken.None);
                    try
                    {
                        entry.PersistedRevision = entry.Session?.Revision ?? 0;
                        Evict(entry);
                    }
                    finally
                    {
                        entry.Gate.Release();
                    }
                }
            }
        }
        finally
        {
            foreach (var entry in locked)
            {
                entry.WriteLock.Release();
            }
        }
    }

    private async Task<bool> TrySaveAsync(IReadOnlyCollection<KitchenSessionSnapshot> snapshots)
    {
        try
        {
            await persistence.SaveAsync(snapshots, CancellationToken.None);
            return true;
        }
        catch (Exception exception)
        {
            LogWriteBehindFailed(exception, snapshots.Count);
            return false;
        }
    }

    private async Task<bool> AccountGoneAsync(long accountId)
    {
        try
        {
            return await persistence.LoadAsync(accountId, CancellationToken.None) is null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The database itself is failing: keep the session and retry later.
            return false;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the Kitchen session of account {AccountId} failed; the change was undone")]
    private partial void LogWriteThroughFailed(Exception exception, long accountId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} Kitchen session(s) behind failed; they stay pending")]
    private partial void LogWriteBehindFailed(Exception exception, int count);

    private sealed class Entry(long accountId)
    {
        public readonly SemaphoreSlim Gate = new(1, 1);
        public readonly SemaphoreSlim WriteLock = new(1, 1);

        public long AccountId { get; } = accountId;

        public bool Loaded { get; set; }

        public bool Evicted { get; set; }

        /// <summary>Connections using the session; changed under the gate.</summary>
        public int Attachments { get; set; }

        public KitchenSession? Session { get; set; }

        public string Email { get; set; } = string.Empty;

        /// <summary>The session revision the database holds.</summary>
        public long PersistedRevision { get; set; }

        public long LastUsed { get; set; } = Environment.TickCount64;

        // Read without the gate by the flush scan: a stale answer only delays or repeats a write.
        public bool IsDirty => Session is { } session && session.Revision != PersistedRevision;
    }
}
