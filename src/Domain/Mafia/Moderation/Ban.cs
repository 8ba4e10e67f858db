using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Moderation;

/// <summary>Where a ban's appeal stands (seed <c>Ban.appeal_status</c>).</summary>
public enum AppealStatus
{
    None,
    Pending,
    Approved,
    Rejected,
}

/// <summary>Why a ban ended: its time came, or a moderator accepted its appeal (the moderators' queue).</summary>
public enum BanEnd
{
    Expired,
    AppealApproved,
}

/// <summary>
/// A ban (seed <c>Ban</c>): while active the player can do nothing in Mafia and cannot sign in. It is
/// temporary (it ends at <see cref="ExpiresAt"/>) or permanent (no expiry). One appeal may be open at a
/// time; an accepted appeal lifts the ban, a rejected one leaves it and a new appeal may follow.
/// </summary>
public sealed class Ban : AggregateRoot<Guid>
{
    public const int MaxReasonLength = 500;
    public const int MaxEvidenceLength = 2000;
    public const int MaxAppealLength = 2000;
    public const int MaxNotesLength = 1000;

    private Ban()
    {
        Reason = string.Empty;
    }

    public long UserId { get; private set; }

    public string Reason { get; private set; }

    public long IssuedBy { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    /// <summary>When a temporary ban ends; null for a permanent one.</summary>
    public DateTimeOffset? ExpiresAt { get; private set; }

    public string? Evidence { get; private set; }

    public AppealStatus AppealStatus { get; private set; }

    public string? AppealText { get; private set; }

    public DateTimeOffset? AppealedAt { get; private set; }

    /// <summary>A moderator's note on the ban (seed <c>Ban.notes</c>): the note of the last appeal's resolution.</summary>
    public string? Notes { get; private set; }

    /// <summary>When the ban ended; null while it holds (even past <see cref="ExpiresAt"/> until the expiry is processed).</summary>
    public DateTimeOffset? EndedAt { get; private set; }

    public BanEnd? EndReason { get; private set; }

    public bool IsPermanent => ExpiresAt is null;

    /// <summary>True while the ban holds at <paramref name="now"/>.</summary>
    public bool IsActiveAt(DateTimeOffset now) => EndedAt is null && (ExpiresAt is null || ExpiresAt > now);

    /// <summary>Bans <paramref name="userId"/> from <paramref name="now"/> for <paramref name="duration"/> (null: permanently).</summary>
    public static Ban Issue(long userId, long issuedBy, string reason, string? evidence, TimeSpan? duration, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (duration is { } d && d <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(duration), "A temporary ban lasts a positive time.");
        }

        var ban = new Ban
        {
            Id = Guid.CreateVersion7(now),
            UserId = userId,
            IssuedBy = issuedBy,
            Reason = reason,
            Evidence = evidence,
            IssuedAt = now,
            ExpiresAt = now + duration,
            AppealStatus = AppealStatus.None,
        };
        ban.Raise(new PlayerBanned(ban.Id, userId, ban.ExpiresAt));
        return ban;
    }

    /// <summary>The banned player asks for the ban to be lifted; one open appeal at a time.</summary>
    public void Appeal(string text, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(text);
        if (!IsActiveAt(now))
        {
            throw new DomainException(ModerationErrors.BanEnded);
        }

        if (AppealStatus == AppealStatus.Pending)
        {
            throw new DomainException(ModerationErrors.AppealOpen);
        }

        AppealStatus = AppealStatus.Pending;
        AppealText = text;
        AppealedAt = now;
        MarkChanged();
    }

    /// <summary>
    /// A moderator decides the open appeal with a note: accepting it lifts the ban at once (when it still
    /// holds), rejecting it leaves the ban as it is and lets the player appeal again.
    /// </summary>
    public void ResolveAppeal(bool accept, string note, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(note);
        if (AppealStatus != AppealStatus.Pending)
        {
            throw new DomainException(ModerationErrors.NoOpenAppeal);
        }

        AppealStatus = accept ? AppealStatus.Approved : AppealStatus.Rejected;
        Notes = note.Length > MaxNotesLength ? note[..MaxNotesLength] : note;
        MarkChanged();
        if (accept && EndedAt is null)
        {
            Lift(BanEnd.AppealApproved, now);
        }
    }

    /// <summary>Ends the ban before its time (<paramref name="reason"/>: why); an ended ban cannot be lifted.</summary>
    public void Lift(BanEnd reason, DateTimeOffset now)
    {
        if (EndedAt is not null)
        {
            throw new DomainException(ModerationErrors.BanEnded);
        }

        End(reason, now);
    }

    /// <summary>Ends a temporary ban whose time has come; true when it ended now (false: not due, or already ended).</summary>
    public bool Expire(DateTimeOffset now)
    {
        if (EndedAt is not null || ExpiresAt is not { } expires || expires > now)
        {
            return false;
        }

        End(BanEnd.Expired, expires);
        return true;
    }

    private void End(BanEnd reason, DateTimeOffset at)
    {
        EndedAt = at;
        EndReason = reason;
        Raise(new BanLifted(Id, UserId, reason));
    }
}
