using CleanGames.Application.Operations.Common;
using CleanGames.Domain.Operations.Instances;
using CleanGames.WebApi.Common.Realtime;

namespace CleanGames.WebApi.Operations;

/// <summary>This instance's open connections: raw sockets per endpoint, hub connections per hub.</summary>
internal sealed class ConnectionCensus(WebSocketConnectionTracker sockets, HubConnections hubs) : IConnectionCensus
{
    public IReadOnlyList<TransportConnections> Count() =>
        sockets.CountByTransport().Select(pair => new TransportConnections(pair.Key, TransportConnections.WebSocket, pair.Value))
            .Concat(hubs.CountByHub().Select(pair => new TransportConnections(pair.Key, TransportConnections.SignalR, pair.Value)))
            .OrderBy(c => c.Transport, StringComparer.Ordinal)
            .ToList();
}
