namespace CleanGames.Application.Common.Abstractions;

/// <summary>Identifies this run of the server process: work begun by another run (before a restart) can be told apart.</summary>
public interface IServerRun
{
    Guid Id { get; }
}

public sealed class ServerRun : IServerRun
{
    public Guid Id { get; } = Guid.NewGuid();
}
