using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.Common.Abstractions;

/// <summary>The time source of every use case; backed by <see cref="TimeProvider"/> so tests can move time.</summary>
public interface IClock
{
    DateTimeOffset UtcNow { get; }
}

/// <summary>
/// The key of the application's <see cref="TimeProvider"/> in the container. The unkeyed one stays
/// the system clock for infrastructure that schedules on real time (Quartz); tests replace only this one.
/// </summary>
public static class ApplicationClock
{
    public const string Key = "application";
}

public sealed class SystemClock([FromKeyedServices(ApplicationClock.Key)] TimeProvider timeProvider) : IClock
{
    public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
}
