using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Sessions;

public enum RefreshOutcome
{
    /// <summary>The presented token was current: it is now used and its successor is current.</summary>
    Rotated,

    /// <summary>The presented token had already been used: someone replayed it, so the family is revoked.</summary>
    ReuseDetected,

    /// <summary>The family is revoked, expired, or idle too long; nothing changed.</summary>
    Expired,
}

/// <summary>One refresh token ever issued in a family; only its SHA-256 is stored.</summary>
public sealed class RefreshToken
{
    private RefreshToken()
    {
        Hash = string.Empty;
    }

    internal RefreshToken(string hash, DateTimeOffset issuedAt)
    {
        Hash = hash;
        IssuedAt = issuedAt;
    }

    public string Hash { get; private set; }

    public DateTimeOffset IssuedAt { get; private set; }

    public DateTimeOffset? UsedAt { get; private set; }

    internal void MarkUsed(DateTimeOffset now) => UsedAt = now;
}

/// <summary>
/// The chain of refresh tokens that descends from one sign-in. Every refresh rotates: the presented
/// token is used up and a successor issued. Presenting a used token again means it leaked, so the
/// whole family is revoked (access tokens already issued run out on their own). A family unused
/// for the idle limit expires, and none outlives its absolute lifetime.
/// </summary>
public sealed class RefreshTokenFamily : AggregateRoot<Guid>
{
    private readonly List<RefreshToken> _tokens = [];

    private RefreshTokenFamily()
    {
    }

    public long AccountId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset LastUsedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public DateTimeOffset? RevokedAt { get; private set; }

    public string? RevocationReason { get; private set; }

    public IReadOnlyList<RefreshToken> Tokens => _tokens.AsReadOnly();

    public static RefreshTokenFamily Start(long accountId, string tokenHash, DateTimeOffset now, TimeSpan absoluteLifetime)
    {
        var family = new RefreshTokenFamily
        {
            Id = Guid.NewGuid(),
            AccountId = accountId,
            CreatedAt = now,
            LastUsedAt = now,
            ExpiresAt = now + absoluteLifetime,
        };
        family._tokens.Add(new RefreshToken(tokenHash, now));
        family.MarkChanged();
        return family;
    }

    public bool IsUsable(DateTimeOffset now, TimeSpan idleLimit) =>
        RevokedAt is null && now < ExpiresAt && now - LastUsedAt < idleLimit;

    /// <summary>Uses up <paramref name="presentedHash"/> and makes <paramref name="successorHash"/> current.</summary>
    public RefreshOutcome Rotate(string presentedHash, string successorHash, DateTimeOffset now, TimeSpan idleLimit)
    {
        var presented = _tokens.FirstOrDefault(t => t.Hash == presentedHash)
                        ?? throw new InvalidOperationException("The presented token does not belong to this family.");

        if (presented.UsedAt is not null)
        {
            if (RevokedAt is null)
            {
                Revoke(now, "reuse_detected");
            }

            return RefreshOutcome.ReuseDetected;
        }

        if (!IsUsable(now, idleLimit))
        {
            return RefreshOutcome.Expired;
        }

        presented.MarkUsed(now);
        _tokens.Add(new RefreshToken(successorHash, now));
        LastUsedAt = now;
        MarkChanged();
        return RefreshOutcome.Rotated;
    }

    public void Revoke(DateTimeOffset now, string reason)
    {
        if (RevokedAt is not null)
        {
            return;
        }

        RevokedAt = now;
        RevocationReason = reason;
        MarkChanged();
    }
}
