using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Economy;

/// <summary>What a ledger transaction did.</summary>
public enum LedgerTransactionKind
{
    /// <summary>An admin minted tokens from the treasury into a wallet.</summary>
    Grant,

    /// <summary>A player gave tokens to another.</summary>
    Gift,

    /// <summary>A player bought a catalogue item.</summary>
    Purchase,

    /// <summary>A game paid a player its reward.</summary>
    Reward,

    /// <summary>A player asked to take tokens on-chain.</summary>
    Withdrawal,
}

public enum LedgerTransactionStatus
{
    Completed,
    Pending,
    Processing,
    Failed,
}

/// <summary>One leg of a transaction: an amount into (positive) or out of (negative) one account.</summary>
public sealed record LedgerEntry(Guid AccountId, long Amount);

/// <summary>
/// One movement of tokens: a balanced set of <see cref="Entries"/> (their amounts add up to zero) between
/// player wallets and <see cref="SystemAccounts"/>. It is created with its entries already posted to the
/// wallets it touches, so a transaction and the balances it changed are saved together or not at all.
/// </summary>
public sealed class LedgerTransaction : AggregateRoot<Guid>
{
    public const int MaxReasonLength = 200;
    public const int MaxMessageLength = 500;

    private readonly List<LedgerEntry> _entries = [];

    private LedgerTransaction()
    {
        Reason = string.Empty;
    }

    public LedgerTransactionKind Kind { get; private set; }

    public LedgerTransactionStatus Status { get; private set; }

    /// <summary>The tokens moved (positive).</summary>
    public long Amount { get; private set; }

    public string Reason { get; private set; }

    /// <summary>The player who acted (the giver, the buyer) or was paid (a grant's or reward's receiver).</summary>
    public long PlayerId { get; private set; }

    /// <summary>The wallet of <see cref="PlayerId"/>.</summary>
    public Guid WalletId { get; private set; }

    /// <summary>A gift's receiver (a token gift's, or a catalogue gift's bought for them).</summary>
    public long? CounterpartyId { get; private set; }

    /// <summary>The wallet of <see cref="CounterpartyId"/>.</summary>
    public Guid? CounterpartyWalletId { get; private set; }

    public string? Message { get; private set; }

    public string? TxHash { get; private set; }

    /// <summary>The wallet that earned the tokens (a grant's, a reward's or a gift's receiver); null for spends.</summary>
    public Guid? EarnerWalletId { get; private set; }

    /// <summary>What this transaction settles, unique when set (a game reward: <c>reward:{game}:{player}</c>), so it is made once.</summary>
    public string? Reference { get; private set; }

    /// <summary>The admin who made a grant.</summary>
    public long? ActorId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public IReadOnlyList<LedgerEntry> Entries => _entries.AsReadOnly();

    /// <summary>
    /// A withdrawal request: the amount leaves the wallet at once for pending withdrawals (so it cannot be
    /// spent twice) and waits there, <see cref="LedgerTransactionStatus.Pending"/>, until the payout job pays it.
    /// </summary>
    public static LedgerTransaction Withdraw(Wallet wallet, long amount, DateTimeOffset now)
    {
        var transaction = Create(LedgerTransactionKind.Withdrawal, amount, "withdrawal", wallet, wallet.NextMoment(now));
        transaction.Status = LedgerTransactionStatus.Pending;
        transaction.Post(wallet, -amount);
        transaction._entries.Add(new LedgerEntry(SystemAccounts.PendingWithdrawals, amount));
        return transaction;
    }

    /// <summary>The payout job took this withdrawal: it is being paid; a crash leaves it here to be reconciled.</summary>
    public void StartPayout()
    {
        EnsureWithdrawal(LedgerTransactionStatus.Pending);
        Status = LedgerTransactionStatus.Processing;
        MarkChanged();
    }

    /// <summary>The chain paid it: the tokens leave pending withdrawals for the treasury (they now live on-chain).</summary>
    public void CompletePayout(string txHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(txHash);
        EnsureWithdrawal(LedgerTransactionStatus.Processing);
        Status = LedgerTransactionStatus.Completed;
        TxHash = txHash;
        _entries.Add(new LedgerEntry(SystemAccounts.PendingWithdrawals, -Amount));
        _entries.Add(new LedgerEntry(SystemAccounts.Treasury, Amount));
        Raise(new WithdrawalSettled(Id, PlayerId, Amount, Completed: true, txHash, now));
    }

    /// <summary>The chain refused it for good: a reversing entry returns the amount to the wallet.</summary>
    public void FailPayout(Wallet wallet, DateTimeOffset now)
    {
        EnsureWithdrawal(LedgerTransactionStatus.Processing);
        if (wallet.Id != WalletId)
        {
            throw new ArgumentException("A failed withdrawal is refunded to its own wallet.", nameof(wallet));
        }

        Status = LedgerTransactionStatus.Failed;
        _entries.Add(new LedgerEntry(SystemAccounts.PendingWithdrawals, -Amount));
        wallet.Post(Amount, wallet.NextMoment(now), earned: false);
        _entries.Add(new LedgerEntry(wallet.Id, Amount));
        Raise(new WithdrawalSettled(Id, PlayerId, Amount, Completed: false, null, now));
    }

    private void EnsureWithdrawal(LedgerTransactionStatus expected)
    {
        if (Kind != LedgerTransactionKind.Withdrawal || Status != expected)
        {
            throw new InvalidOperationException($"Transaction {Id} is a {Kind} in status {Status}, not a {expected} withdrawal.");
        }
    }

    /// <summary>An admin's grant: minted from the treasury into <paramref name="wallet"/>.</summary>
    public static LedgerTransaction Grant(Wallet wallet, long amount, string reason, long adminId, DateTimeOffset now)
    {
        var transaction = Move(LedgerTransactionKind.Grant, SystemAccounts.Treasury, wallet, amount, reason, now);
        transaction.ActorId = adminId;
        return transaction;
    }

    /// <summary>A game's reward, from the rewards pool; <paramref name="reference"/> makes it once per game and player.</summary>
    public static LedgerTransaction Reward(Wallet wallet, long amount, string reason, DateTimeOffset now, string? reference = null)
    {
        var transaction = Move(LedgerTransactionKind.Reward, SystemAccounts.RewardsPool, wallet, amount, reason, now);
        transaction.Reference = reference;
        return transaction;
    }

    /// <summary>A purchase: the price leaves the buyer's wallet for shop revenue.</summary>
    public static LedgerTransaction Purchase(Wallet buyer, long price, string itemType, string itemId, DateTimeOffset now)
    {
        return Spend(buyer, price, $"purchase:{itemType}:{itemId}", now);
    }

    /// <summary>
    /// A catalogue gift bought for another player (<c>/api/social/gifts/send</c>): the price leaves the
    /// buyer's wallet for shop revenue, like a purchase; the reason names the gift and its receiver.
    /// </summary>
    public static LedgerTransaction SocialGift(Wallet buyer, long receiverId, string giftType, long price, DateTimeOffset now)
    {
        if (buyer.OwnerId == receiverId)
        {
            throw new DomainException(EconomyErrors.GiftToSelf);
        }

        var transaction = Spend(buyer, price, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"social_gift:{giftType}:{receiverId}"), now);
        transaction.CounterpartyId = receiverId;
        return transaction;
    }

    private static LedgerTransaction Spend(Wallet buyer, long price, string reason, DateTimeOffset now)
    {
        var transaction = Create(LedgerTransactionKind.Purchase, price, reason, buyer, buyer.NextMoment(now));
        transaction.Post(buyer, -price);
        transaction._entries.Add(new LedgerEntry(SystemAccounts.ShopRevenue, price));
        return transaction;
    }

    /// <summary>A gift from one player's wallet to another's.</summary>
    public static LedgerTransaction Gift(Wallet giver, Wallet receiver, long amount, string? message, DateTimeOffset now)
    {
        if (giver.OwnerId == receiver.OwnerId)
        {
            throw new DomainException(EconomyErrors.GiftToSelf);
        }

        var (afterGiver, afterReceiver) = (giver.NextMoment(now), receiver.NextMoment(now));
        var at = afterReceiver > afterGiver ? afterReceiver : afterGiver;
        var transaction = Create(LedgerTransactionKind.Gift, amount, "gift", giver, at);
        transaction.CounterpartyId = receiver.OwnerId;
        transaction.CounterpartyWalletId = receiver.Id;
        transaction.Message = message;
        transaction.Post(giver, -amount);
        transaction.Post(receiver, amount, earned: true);
        transaction.Raise(new GiftSent(transaction.Id, giver.OwnerId, receiver.OwnerId, amount, message, at));
        return transaction;
    }

    private static LedgerTransaction Move(LedgerTransactionKind kind, Guid source, Wallet wallet, long amount, string reason, DateTimeOffset now)
    {
        var transaction = Create(kind, amount, reason, wallet, wallet.NextMoment(now));
        transaction._entries.Add(new LedgerEntry(source, -amount));
        transaction.Post(wallet, amount, earned: true);
        return transaction;
    }

    private static LedgerTransaction Create(LedgerTransactionKind kind, long amount, string reason, Wallet player, DateTimeOffset now)
    {
        if (amount <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(amount), amount, "A transaction moves a positive amount.");
        }

        return new LedgerTransaction
        {
            Id = Guid.CreateVersion7(now),
            Kind = kind,
            Status = LedgerTransactionStatus.Completed,
            Amount = amount,
            Reason = reason.Length > MaxReasonLength ? reason[..MaxReasonLength] : reason,
            PlayerId = player.OwnerId,
            WalletId = player.Id,
            CreatedAt = now,
        };
    }

    private void Post(Wallet wallet, long amount, bool earned = false)
    {
        wallet.Post(amount, CreatedAt, earned);
        if (earned)
        {
            EarnerWalletId = wallet.Id;
        }

        _entries.Add(new LedgerEntry(wallet.Id, amount));
    }

    /// <summary>The amount this transaction moved into (positive) or out of (negative) <paramref name="accountId"/>.</summary>
    public long AmountFor(Guid accountId) => _entries.Where(e => e.AccountId == accountId).Sum(e => e.Amount);
}
