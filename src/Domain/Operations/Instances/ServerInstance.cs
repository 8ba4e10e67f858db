using CleanGames.Domain.Common;

namespace CleanGames.Domain.Operations.Instances;

/// <summary>
/// One running server process as the others see it: each instance writes its own row every few
/// seconds (its open connections per transport) into the database they share, so an operator asking
/// any instance sees every instance. A row nobody has refreshed for a while belongs to an instance
/// that stopped.
/// </summary>
public sealed class ServerInstance : AggregateRoot<string>
{
    /// <summary>Longest instance id and name kept.</summary>
    public const int MaxIdLength = 64;

    /// <summary>Most transports one report may name (a server has a handful).</summary>
    public const int MaxTransports = 64;

    private List<TransportConnections> _connections = [];

    private ServerInstance()
    {
        Name = string.Empty;
    }

    private ServerInstance(string id, string name, DateTimeOffset startedAt)
        : base(id)
    {
        Name = name;
        StartedAt = startedAt;
        SeenAt = startedAt;
    }

    /// <summary>A human name for the process (host name and process id).</summary>
    public string Name { get; private set; }

    public DateTimeOffset StartedAt { get; private set; }

    /// <summary>When the instance last reported.</summary>
    public DateTimeOffset SeenAt { get; private set; }

    /// <summary>Open connections per transport at the last report.</summary>
    public IReadOnlyList<TransportConnections> Connections => _connections.AsReadOnly();

    public static ServerInstance Start(string id, string name, DateTimeOffset startedAt)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxIdLength)
        {
            throw new DomainException(InstanceErrors.InvalidId);
        }

        return new ServerInstance(id, Truncate(name), startedAt);
    }

    /// <summary>Replaces the connection counts with <paramref name="connections"/>, as of <paramref name="now"/>.</summary>
    public void Report(IEnumerable<TransportConnections> connections, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(connections);
        var counts = connections
            .Where(c => c.Open > 0)
            .OrderBy(c => c.Transport, StringComparer.Ordinal)
            .ToList();
        if (counts.Count > MaxTransports)
        {
            throw new DomainException(InstanceErrors.TooManyTransports);
        }

        _connections = counts;
        SeenAt = now > SeenAt ? now : SeenAt;
        MarkChanged();
    }

    private static string Truncate(string name) =>
        string.IsNullOrWhiteSpace(name) ? "unnamed" : name.Length <= MaxIdLength ? name : name[..MaxIdLength];
}

/// <summary>Open connections of one transport: a raw WebSocket endpoint (<c>/ws</c>) or a hub (<c>/hubs/kitchen</c>).</summary>
public sealed record TransportConnections(string Transport, string Kind, int Open)
{
    public const string WebSocket = "websocket";

    public const string SignalR = "signalr";
}
