using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Operations.Common;
using CleanGames.Domain.Operations.Instances;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Operations.Instances.Queries.GetConnections;

/// <summary>
/// Admin: the open realtime connections per transport of every live instance. The answering instance
/// counts its own at the moment of the request; the others' come from their latest heartbeat.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record GetConnectionsQuery : IRequest<ConnectionsView>;

/// <summary>Every live instance (this one first), and the connections of them all.</summary>
public sealed record ConnectionsView(string InstanceId, IReadOnlyList<InstanceConnectionsView> Instances, int Total);

/// <summary>One instance: <see cref="Current"/> when it is the one that answered.</summary>
public sealed record InstanceConnectionsView(
    string InstanceId,
    string Name,
    DateTimeOffset StartedAt,
    DateTimeOffset SeenAt,
    bool Current,
    int Total,
    IReadOnlyList<TransportConnectionsView> Transports);

public sealed record TransportConnectionsView(string Transport, string Kind, int Open);

public sealed class GetConnectionsQueryHandler(
    IReadRepository<ServerInstance> instances,
    IConnectionCensus census,
    IServerRun run,
    IClock clock,
    IOptions<OperationsOptions> options) : IRequestHandler<GetConnectionsQuery, ConnectionsView>
{
    /// <summary>Instances listed at most (a deployment runs a handful; the rest would be stale rows).</summary>
    private const int MaxInstances = 100;

    public async Task<ConnectionsView> Handle(GetConnectionsQuery request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var others = await instances.ListAsync(new LiveInstancesSpec(now - options.Value.LiveWithin, run.InstanceId, MaxInstances - 1), cancellationToken);
        var views = new List<InstanceConnectionsView>(others.Count + 1)
        {
            View(run.InstanceId, run.InstanceName, run.StartedAt, now, current: true, census.Count()),
        };
        views.AddRange(others.Select(i => View(i.Id, i.Name, i.StartedAt, i.SeenAt, current: false, i.Connections)));
        return new ConnectionsView(run.InstanceId, views, views.Sum(v => v.Total));
    }

    private static InstanceConnectionsView View(string id, string name, DateTimeOffset startedAt, DateTimeOffset seenAt, bool current, IReadOnlyList<TransportConnections> connections)
    {
        var transports = connections.Where(c => c.Open > 0).OrderBy(c => c.Transport, StringComparer.Ordinal)
            .Select(c => new TransportConnectionsView(c.Transport, c.Kind, c.Open)).ToList();
        return new InstanceConnectionsView(id, name, startedAt, seenAt, current, transports.Sum(t => t.Open), transports);
    }
}

/// <summary>Instances other than <c>self</c> that reported since <c>since</c>, longest running first.</summary>
public sealed class LiveInstancesSpec : Specification<ServerInstance>
{
    public LiveInstancesSpec(DateTimeOffset since, string self, int take) =>
        Query.Where(i => i.SeenAt >= since && i.Id != self).OrderBy(i => i.StartedAt).ThenBy(i => i.Id).Take(take).AsNoTracking();
}
