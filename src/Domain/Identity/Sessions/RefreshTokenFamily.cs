using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Sessions.Events;

namespace CleanGames.Domain.Identity.Sessions;

public enum RefreshOutcome
{
    /// <summary>The presented token was current: it is now the previous one and its successor is current.</summary>
    Rotated,

    /// <summary>
    /// The presented token is the one the last rotation used up, presented again within the grace
    /// window (two tabs refreshing at once): it gets the pair that rotation issued; nothing changed.
    /// </summary>
    Replayed,

    /// <summary>The presented token had already been used (outside the grace window): someone replayed it, so the family is revoked.</summary>
    ReuseDetected,

    /// <summary>The family is revoked, expired, or idle too long; nothing changed.</summary>
    Expired,
}

/// <summary>
/// The chain of refresh tokens that descends from one sign-in. Every refresh rotates: the presented
/// token is used up and a successor issued. Presenting a used token again means it leaked, so the
/// whole family is revoked (access tokens already issued run out on their own), except for the
/// token the last rotation used up, which is answered once more with the same new pair for a few
/// seconds, so that two tabs refreshing at once do not revoke their own session. A family unused
/// for the idle limit expires, and none outlives its absolute lifetime.
/// </summary>
/// <remarks>
/// The family remembers two token hashes only, the current one and the previous one, whatever its
/// age: a refresh loads one fixed-size row. Older tokens are still recognised as this family's,
/// because every token carries its family's id (the caller reads it and calls
/// <see cref="RevokeForReuse"/>).
/// </remarks>
public sealed class RefreshTokenFamily : AggregateRoot<Guid>
{
    public const string ReuseDetectedReason = "reuse_detected";
    public const string LogoutReason = "logout";
    public const string AccountGoneReason = "account_gone";
    public const string AccountBannedReason = "account_banned";

    private RefreshTokenFamily()
    {
        CurrentTokenHash = string.Empty;
    }

    public long AccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    /// <summary>SHA-256 of the one token that refreshes the family now.</summary>
    public string CurrentTokenHash { get; private set; }

    /// <summary>When the current token was issued (by the sign-in or the last rotation).</summary>
    public DateTimeOffset CurrentIssuedAt { get; private set; }

    /// <summary>SHA-256 of the token the last rotation used up; null until the first rotation.</summary>
    public string? PreviousTokenHash { get; private set; }

    /// <summary>
    /// The current token, sealed under the previous one, so that a grace-window replay can be handed
    /// the very token the rotation issued while the store keeps no token anyone can read: only the
    /// holder of the previous token can open it. Opaque to the domain.
    /// </summary>
    public string? SealedCurrentToken { get; private set; }

    public static RefreshTokenFamily Start(Guid id, long accountId, string tokenHash, DateTimeOffset now, TimeSpan absoluteLifetime)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tokenHash);
        var family = new RefreshTokenFamily
        {
            Id = id,
            AccountId = accountId,
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + absoluteLifetime,
            CurrentTokenHash = tokenHash,
            CurrentIssuedAt = now,
        };
        family.MarkChanged();
        return family;
    }

    public bool IsUsable(DateTimeOffset now, TimeSpan idleLimit) =>
        RevokedAt is null && now < ExpiresAt && now - LastUsedAt < idleLimit;

    /// <summary>
    /// Answers a refresh with <paramref name="presentedHash"/>, which must be the current or the
    /// previous token's hash (an older token of the family goes to <see cref="RevokeForReuse"/>).
    /// The current token is used up and <paramref name="successorHash"/> made current, with
    /// <paramref name="sealedSuccessor"/> kept for a replay; the previous token within
    /// <paramref name="grace"/> of that rotation is a replay (nothing changes); any other use of
    /// the previous token revokes the family.
    /// </summary>
    public RefreshOutcome Refresh(string presentedHash, string successorHash, string sealedSuccessor, DateTimeOffset now, TimeSpan idleLimit, TimeSpan grace)
    {
        if (presentedHash == CurrentTokenHash)
        {
            if (!IsUsable(now, idleLimit))
            {
                return RefreshOutcome.Expired;
            }

            PreviousTokenHash = CurrentTokenHash;
            CurrentTokenHash = successorHash;
            CurrentIssuedAt = now;
            SealedCurrentToken = sealedSuccessor;
            LastUsedAt = now;
            MarkChanged();
            return RefreshOutcome.Rotated;
        }

        if (presentedHash != PreviousTokenHash)
        {
            throw new InvalidOperationException("The presented token is neither the current nor the previous token of this family.");
        }

        // The grace window is measured from the rotation that used the token up, and ends early if
        // the family has rotated again since (the token is then no longer the previous one).
        if (SealedCurrentToken is not null && now - CurrentIssuedAt < grace && IsUsable(now, idleLimit))
        {
            return RefreshOutcome.Replayed;
        }

        RevokeForReuse(now);
        return RefreshOutcome.ReuseDetected;
    }

    /// <summary>A used-up token of this family came back: it leaked, so the family is revoked. Answers whether this call revoked it.</summary>
    public bool RevokeForReuse(DateTimeOffset now) => Revoke(now, ReuseDetectedReason);

    /// <summary>Ends the family (idempotent); answers whether this call revoked it.</summary>
    public bool Revoke(DateTimeOffset now, string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        if (RevokedAt is not null)
        {
            return false;
        }

        RevokedAt = now;
        RevocationReason = reason;
        SealedCurrentToken = null;
        Raise(new RefreshFamilyRevoked(Id, AccountId, reason, now));
        return true;
    }
}
