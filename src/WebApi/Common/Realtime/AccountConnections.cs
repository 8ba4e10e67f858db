using System.Collections.Concurrent;
using CleanGames.Application.Common.Abstractions;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>The open hub connections of this instance, by account (every hub).</summary>
internal sealed class HubConnections
{
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<string, HubCallerContext>> _byAccount = new();

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
