namespace CleanGames.Application.Common.Abstractions;

/// <summary>The time source of every use case; backed by <see cref="TimeProvider"/> so tests can move time.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

public sealed class SystemClock(TimeProvider timeProvider) : IClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
