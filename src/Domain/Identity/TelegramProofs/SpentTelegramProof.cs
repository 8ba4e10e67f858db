using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.TelegramProofs;

/// <summary>
/// A Telegram sign-in proof that has signed someone in, remembered by its hash until it expires.
/// Telegram signs a proof once and it stays valid until its <c>auth_date</c> is too old, so whoever
/// saw it (a log, a proxy, a shared screen) could sign in with it again; a proof whose hash is
/// remembered is refused. Its id is the hash, so of two sign-ins racing with one proof only the
/// first to save can store it.
/// </summary>
public sealed class SpentTelegramProof : AggregateRoot<string>
{
    private SpentTelegramProof()
    {
    }

    private SpentTelegramProof(string hash, DateTimeOffset expiresAt)
        : base(hash)
    {
        ExpiresAt = expiresAt;
    }

    /// <summary>When the proof's <c>auth_date</c> becomes too old to be accepted anyway; after that the hash may be forgotten.</summary>
    public DateTimeOffset ExpiresAt { get; private set; }

    /// <param name="hash">The proof's hash as lower-case hex (one spelling per proof: hex is case-insensitive).</param>
    public static SpentTelegramProof Spend(string hash, DateTimeOffset expiresAt)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(hash);
        return new SpentTelegramProof(hash, expiresAt);
    }
}
