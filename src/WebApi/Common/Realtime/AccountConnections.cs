using System.Collections.Concurrent;
using CleanGames.Application.Common.Abstractions;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>The open hub connections of this instance: by account (every hub), and counted per hub.</summary>
internal sealed class HubConnections
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, HubCallerContext>> _byAccount = new();
    private readonly ConcurrentDictionary<string, int> _perHub = new(StringComparer.Ordinal);

    /// <summary>Counts a connection of <paramref name="hub"/> (its path) as open.</summary>
    public void Opened(string hub) => _perHub.AddOrUpdate(hub, 1, (_, open) => open + 1);

    /// <summary>Counts a connection of <paramref name="hub"/> as closed.</summary>
    public void Closed(string hub) => _perHub.AddOrUpdate(hub, 0, (_, open) => Math.Max(0, open - 1));

    /// <summary>Open connections per hub path.</summary>
    public IReadOnlyDictionary<string, int> CountByHub() => _perHub.Where(pair => pair.Value > 0).ToDictionary(pair => pair.Key, pair => pair.Value, StringComparer.Ordinal);

    public void Add(long accountId, HubCallerContext context) =>
        _byAccount.GetOrAdd(accountId, _ => new(StringComparer.Ordinal))[context.ConnectionId] = context;

    public void Remove(long accountId, HubCallerContext context)
    {
        if (_byAccount.TryGetValue(accountId, out var open))
        {
            open.TryRemove(context.ConnectionId, out _);
            if (open.IsEmpty)
            {
                _byAccount.TryRemove(new KeyValuePair<long, ConcurrentDictionary<string, HubCallerContext>>(accountId, open));
            }
        }
    }

    /// <summary>Ends every hub connection of the account.</summary>
    public void AbortAll(long accountId)
    {
        if (_byAccount.TryGetValue(accountId, out var open))
        {
            foreach (var context in open.Values)
            {
                context.Abort();
            }
        }
    }
}

/// <summary>Ends an account's raw sockets (4003) and hub connections on this instance.</summary>
internal sealed class AccountConnections(WebSocketConnectionTracker sockets, HubConnections hubs) : IAccountConnections
{
    public async ValueTask CloseAllAsync(long accountId, string reason, CancellationToken cancellationToken = default)
    {
        hubs.AbortAll(accountId);
        await sockets.CloseAccountAsync(accountId, reason);
    }
}
