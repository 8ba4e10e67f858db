using CleanGames.Domain.Operations.Instances;

namespace CleanGames.Application.Operations.Common;

/// <summary>The open realtime connections of this instance, per transport (raw WebSocket endpoints and hubs).</summary>
public interface IConnectionCensus
{
    IReadOnlyList<TransportConnections> Count();
}
