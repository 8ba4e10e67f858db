namespace CleanGames.Application.Common.Abstractions;

/// <summary>
/// This run of the server process: when it started, on the application clock, so work begun
/// before it (before a restart of this instance) can be told apart. The host creates it as it
/// starts.
/// </summary>
public interface IServerRun
{
    DateTimeOffset StartedAt { get; }
}

public sealed class ServerRun(IClock clock) : IServerRun
{
    public DateTimeOffset StartedAt { get; } = clock.UtcNow;
}
