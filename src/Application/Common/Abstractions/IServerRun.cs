namespace CleanGames.Application.Common.Abstractions;

/// <summary>
/// This run of the server process: when it started, on the application clock, so work begun
/// before it (before a restart of this instance) can be told apart. The host creates it as it
/// starts.
/// </summary>
public interface IServerRun
{
    DateTimeOffset StartedAt { get; }

    /// <summary>This process's id among the instances that share a database (new at every start).</summary>
    string InstanceId { get; }

    /// <summary>A name an operator recognises: the host name and the process id.</summary>
    string InstanceName { get; }
}

public sealed class ServerRun(IClock clock) : IServerRun
{
    public DateTimeOffset StartedAt { get; } = clock.UtcNow;

    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    public string InstanceName { get; } = $"{Environment.MachineName}:{Environment.ProcessId}";
}
