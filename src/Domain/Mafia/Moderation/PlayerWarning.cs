using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Moderation;

/// <summary>A warning on a player's record (seed <c>Warning</c>): no effect but to be seen; <see cref="Severity"/> 1 (mild) to 5.</summary>
public sealed class PlayerWarning : AggregateRoot<Guid>
{
    public const int MinSeverity = 1;
    public const int MaxSeverity = 5;

    private PlayerWarning()
    {
        Reason = string.Empty;
    }

    public long UserId { get; private set; }

    public string Reason { get; private set; }

    public int Severity { get; private set; }

    public long IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public static PlayerWarning Issue(long userId, string reason, int severity, long issuedBy, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        ArgumentOutOfRangeException.ThrowIfLessThan(severity, MinSeverity);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(severity, MaxSeverity);
        return new PlayerWarning { Id = Guid.CreateVersion7(now), UserId = userId, Reason = reason, Severity = severity, IssuedBy = issuedBy, IssuedAt = now };
    }
}
