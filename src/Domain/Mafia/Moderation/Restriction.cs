using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Moderation;

/// <summary>What a restriction switches off.</summary>
public enum RestrictionType
{
    Chat,
    Voice,
    Gifts,
}

/// <summary>
/// A restriction (seed <c>Restriction</c>): switches off chat, voice or gifts until <see cref="ExpiresAt"/>.
/// <see cref="Value"/> is an optional number the type may use (none of today's types does).
/// </summary>
public sealed class Restriction : AggregateRoot<Guid>
{
    public const int MaxReasonLength = 500;

    private Restriction()
    {
        Reason = string.Empty;
    }

    public long UserId { get; private set; }

    public RestrictionType Type { get; private set; }

    public string Reason { get; private set; }

    public int? Value { get; private set; }

    /// <summary>The moderator who issued it; null when the server did (the reports rule).</summary>
    public long? IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? EndedAt { get; private set; }

    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && ExpiresAt > now;

    public static Restriction Issue(long userId, RestrictionType type, string reason, int? value, long? issuedBy, TimeSpan duration, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (duration <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A restriction lasts a positive time.");
        }

        return new Restriction
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            Type = type,
            Reason = reason,
            Value = value,
            IssuedBy = issuedBy,
            IssuedAt = now,
            ExpiresAt = now + duration,
        };
    }

    /// <summary>Ends it before its time (a moderator rejected the reports behind an interim restriction).</summary>
    public void Lift(DateTimeOffset now)
    {
        if (!IsActiveAt(now))
        {
            throw new DomainException(ModerationErrors.RestrictionEnded);
        }

        EndedAt = now;
        MarkChanged();
        Raise(new RestrictionLifted(Id, UserId, Type, Expired: false));
    }

    /// <summary>Ends it when its time has come; true when it ended now.</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (EndedAt is not null || ExpiresAt > now)
        {
            return false;
        }

        EndedAt = ExpiresAt;
        Raise(new RestrictionLifted(Id, UserId, Type));
        return true;
    }
}
