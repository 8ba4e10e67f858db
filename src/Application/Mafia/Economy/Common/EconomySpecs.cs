using Ardalis.Specification;
using CleanGames.Domain.Mafia.Economy;

namespace CleanGames.Application.Mafia.Economy.Common;

public sealed class WalletOfSpec : Specification<Wallet>
{
    public WalletOfSpec(long ownerId) => Query.Where(w => w.OwnerId == ownerId);
}

/// <summary>The newest transactions that moved tokens into or out of one wallet.</summary>
public sealed class TransactionsOfWalletSpec : Specification<LedgerTransaction>
{
    public TransactionsOfWalletSpec(Guid walletId, int take) =>
        Query.Where(t => t.WalletId == walletId || t.CounterpartyWalletId == walletId)
            .OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Take(take)
            .AsNoTracking();
}

/// <summary>The richest wallets: balance first, then the oldest account.</summary>
public sealed class RichestWalletsSpec : Specification<Wallet>
{
    public RichestWalletsSpec(int take) =>
        Query.Where(w => w.Balance > 0).OrderByDescending(w => w.Balance).ThenBy(w => w.OwnerId).Take(take).AsNoTracking();
}

public sealed class WalletsByIdsSpec : Specification<Wallet>
{
    public WalletsByIdsSpec(Guid[] ids) => Query.Where(w => ids.Contains(w.Id)).AsNoTracking();
}

/// <summary>Withdrawals not yet settled, oldest first (index on status, kind, created time).</summary>
public sealed class OpenWithdrawalsSpec : Specification<LedgerTransaction, Guid>
{
    public OpenWithdrawalsSpec(int take)
    {
        Query.Where(t => (t.Status == LedgerTransactionStatus.Pending || t.Status == LedgerTransactionStatus.Processing) && t.Kind == LedgerTransactionKind.Withdrawal)
            .OrderBy(t => t.CreatedAt).Take(take).AsNoTracking();
        Query.Select(t => t.Id);
    }
}

public sealed class TransactionByReferenceSpec : Specification<LedgerTransaction>
{
    public TransactionByReferenceSpec(string reference) => Query.Where(t => t.Reference == reference);
}

/// <summary>Ended games whose rewards are not credited yet, oldest first (index <c>IX_mafia_games_rewards_due</c>).</summary>
public sealed class GamesDueRewardsSpec : Specification<Domain.Mafia.Games.Game, Guid>
{
    public GamesDueRewardsSpec(int take)
    {
        Query.Where(g => g.Phase == Domain.Mafia.Games.GamePhase.Ended && g.RewardsCreditedAt == null)
            .OrderBy(g => g.EndedAt).Take(take).AsNoTracking();
        Query.Select(g => g.Id);
    }
}

/// <summary>
/// Games that ended since <paramref name="since"/> and rewarded <paramref name="accountId"/> with
/// tokens (index <c>IX_mafia_games_ended</c>, then the rewards' key).
/// </summary>
public sealed class GamesRewardingPlayerSinceSpec : Specification<Domain.Mafia.Games.Game>
{
    public GamesRewardingPlayerSinceSpec(long accountId, DateTimeOffset since) =>
        Query.Where(g => g.EndedAt >= since && g.Rewards.Any(r => r.AccountId == accountId && r.Amount > 0)).AsNoTracking();
}
