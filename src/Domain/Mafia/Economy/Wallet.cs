using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Economy;

/// <summary>
/// A player's off-chain token wallet: one ledger account whose <see cref="Balance"/> is the sum of its
/// entries, kept materialised and guarded by the version token so that two spends racing for it
/// cannot both pass the balance check. It never goes below zero. Tokens only move between accounts
/// through a <see cref="LedgerTransaction"/>, which is the only caller of <see cref="Post"/>.
/// </summary>
public sealed class Wallet : AggregateRoot<Guid>
{
    private Wallet()
    {
        TonAddress = string.Empty;
        JettonWallet = string.Empty;
    }

    /// <summary>The player's account id.</summary>
    public long OwnerId { get; private set; }

    /// <summary>Off-chain tokens, whole units.</summary>
    public long Balance { get; private set; }

    /// <summary>The player's TON address (user-friendly form), derived once when the wallet opens.</summary>
    public string TonAddress { get; private set; }

    /// <summary>The player's jetton wallet address (user-friendly form).</summary>
    public string JettonWallet { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Every token this wallet has earned: grants, rewards and gifts received.</summary>
    public long TotalEarned { get; private set; }

    /// <summary>How many transactions moved tokens into or out of this wallet.</summary>
    public long TransactionCount { get; private set; }

    /// <summary>When the wallet's latest transaction happened: each later one happens strictly after it, so a history has one order.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    public static Wallet Open(long ownerId, string tonAddress, string jettonWallet, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(tonAddress);
        ArgumentException.ThrowIfNullOrEmpty(jettonWallet);
        return new Wallet { Id = Guid.CreateVersion7(now), OwnerId = ownerId, TonAddress = tonAddress, JettonWallet = jettonWallet, CreatedAt = now, LastActivityAt = DateTimeOffset.MinValue };
    }

    /// <summary>
    /// The moment a transaction of this wallet made at <paramref name="now"/> is recorded at: at least
    /// <see cref="ActivityGap"/> after the previous one (more than any store rounds a time by).
    /// </summary>
    internal DateTimeOffset NextMoment(DateTimeOffset now) => now >= LastActivityAt + ActivityGap ? now : LastActivityAt + ActivityGap;

    private static readonly TimeSpan ActivityGap = TimeSpan.FromMilliseconds(1);

    /// <summary>
    /// Adds <paramref name="amount"/> (negative: takes it) at <paramref name="at"/>, counting it as earned
    /// when <paramref name="earned"/>; refuses to go below zero.
    /// </summary>
    internal void Post(long amount, DateTimeOffset at, bool earned)
    {
        if (amount < 0 && Balance + amount < 0)
        {
            throw new DomainException(EconomyErrors.InsufficientBalance);
        }

        Balance = checked(Balance + amount);
        TotalEarned = earned ? checked(TotalEarned + amount) : TotalEarned;
        TransactionCount++;
        LastActivityAt = at;
        MarkChanged();
    }
}
