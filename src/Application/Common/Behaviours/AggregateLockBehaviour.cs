using System.Collections.Concurrent;
using CleanGames.Application.Common.Abstractions;
using MediatR;

namespace CleanGames.Application.Common.Behaviours;

/// <summary>
/// A request that changes one hot aggregate (a game many players act on at once) names it, so this
/// instance runs such requests one at a time per aggregate instead of letting them race and retry.
/// Across instances the optimistic-concurrency retry still decides.
/// </summary>
public interface IAggregateLockedRequest
{
    string AggregateLockKey { get; }
}

/// <summary>
/// A request that changes the caller's own hot aggregate (their wallet) names its kind: it runs one at
/// a time per <see cref="CallerLockScope"/> and caller, as an <see cref="IAggregateLockedRequest"/> whose
/// key is <c>{CallerLockScope}:{account id}</c>. The caller is the authenticated account, never a value
/// from the request.
/// </summary>
public interface ICallerLockedRequest
{
    string CallerLockScope { get; }

    /// <summary>
    /// Other aggregates the request changes besides the caller's (a gift's receiver wallet). They are
    /// held together with the caller's, every key taken in one ordinal order so that two requests
    /// locking the same pair the other way round cannot wait on each other.
    /// </summary>
    IEnumerable<string> AlsoLockedKeys => [];
}

/// <summary>One async lock per key, kept only while someone holds or waits for it.</summary>
public sealed class AggregateLocks
{
    private readonly ConcurrentDictionary<string, Entry> _locks = new(StringComparer.Ordinal);

    public async Task<IDisposable> AcquireAsync(string key, CancellationToken cancellationToken)
    {
        Entry entry;
        while (true)
        {
            entry = _locks.GetOrAdd(key, static _ => new Entry());
            lock (entry)
            {
                if (!entry.Retired)
                {
                    entry.Users++;
                    break;
                }
            }
        }

        try
        {
            await entry.Gate.WaitAsync(cancellationToken);
        }
        catch
        {
            Leave(key, entry);
            throw;
        }

        return new Releaser(this, key, entry);
    }

    private void Leave(string key, Entry entry)
    {
        lock (entry)
        {
            if (--entry.Users == 0)
            {
                entry.Retired = true;
                _locks.TryRemove(new KeyValuePair<string, Entry>(key, entry));
            }
        }
    }

    private sealed class Entry
    {
        public SemaphoreSlim Gate { get; } = new(1, 1);

        public int Users { get; set; }

        public bool Retired { get; set; }
    }

    private sealed class Releaser(AggregateLocks owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                entry.Gate.Release();
                owner.Leave(key, entry);
            }
        }
    }
}

/// <summary>Runs <see cref="IAggregateLockedRequest"/>s and <see cref="ICallerLockedRequest"/>s one at a time per aggregate (outside the concurrency retry).</summary>
public sealed class AggregateLockBehaviour<TRequest, TResponse>(AggregateLocks locks, ICurrentUser user) : IPipelineBehavior<TRequest, TResponse>
{
    public Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next) => request switch
    {
        IAggregateLockedRequest locked => RunLockedAsync(locked.AggregateLockKey, cancellationToken, next),
        ICallerLockedRequest callerLocked when user.AccountId is { } caller => RunCallerLockedAsync(callerLocked, caller, cancellationToken, next),
        _ => next(),
    };

    private Task<TResponse> RunCallerLockedAsync(ICallerLockedRequest request, long caller, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var own = request.CallerLockScope + ":" + caller.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var others = request.AlsoLockedKeys as IReadOnlyCollection<string> ?? request.AlsoLockedKeys.ToArray();
        if (others.Count == 0)
        {
            // Most caller-locked requests change the caller's aggregate only: one key, nothing to order.
            return RunLockedAsync(own, cancellationToken, next);
        }

        var keys = others.Append(own).Distinct(StringComparer.Ordinal).ToArray();
        Array.Sort(keys, StringComparer.Ordinal);
        return RunLockedAsync(keys, cancellationToken, next);
    }

    private async Task<TResponse> RunLockedAsync(string key, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        using var held = await locks.AcquireAsync(key, cancellationToken);
        return await next();
    }

    private async Task<TResponse> RunLockedAsync(string[] keys, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        var held = new List<IDisposable>(keys.Length);
        try
        {
            foreach (var key in keys)
            {
                held.Add(await locks.AcquireAsync(key, cancellationToken));
            }

            return await next();
        }
        finally
        {
            for (var i = held.Count - 1; i >= 0; i--)
            {
                held[i].Dispose();
            }
        }
    }
}
