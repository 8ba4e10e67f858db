using Ardalis.Specification;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;

namespace CleanGames.Application.Mafia.Social.Common;

/// <summary>What the social rules read of a game: whether it ended and who sat in it, nothing else.</summary>
public sealed class SharedTableSpec : Specification<Game, SharedTable>
{
    public SharedTableSpec(Guid gameId)
    {
        Query.Where(g => g.Id == gameId).AsNoTracking();
        Query.Select(g => new SharedTable(g.Id, g.Phase == GamePhase.Ended, g.Players.Select(p => p.AccountId).ToList()));
    }
}

public sealed class RatingOfSpec : Specification<LinguisticRating>
{
    public RatingOfSpec(Guid gameId, long raterId, long ratedUserId, string language) =>
        Query.Where(r => r.GameId == gameId && r.RaterId == raterId && r.RatedUserId == ratedUserId && r.Language == language).AsNoTracking();
}

public sealed class ReportOfSpec : Specification<PlayerReport>
{
    public ReportOfSpec(Guid gameId, long reporterId, long reportedUserId) =>
        Query.Where(r => r.GameId == gameId && r.ReporterId == reporterId && r.ReportedUserId == reportedUserId).AsNoTracking();
}

/// <summary>The open reports against a player filed since <paramref name="since"/> (tracked: the reports rule links them to its restriction).</summary>
public sealed class OpenReportsAgainstSinceSpec : Specification<PlayerReport>
{
    public OpenReportsAgainstSinceSpec(long reportedUserId, DateTimeOffset since) =>
        Query.Where(r => r.ReportedUserId == reportedUserId && r.Status == ReportStatus.Open && r.ReportedAt >= since);
}

/// <summary>The chat restriction in force the server itself issued on a player (the reports rule's), if any.</summary>
public sealed class ActiveInterimRestrictionSpec : Specification<Restriction>
{
    public ActiveInterimRestrictionSpec(long userId, DateTimeOffset now) =>
        Query.Where(r => r.UserId == userId && r.Type == RestrictionType.Chat && r.IssuedBy == null && r.EndedAt == null && r.ExpiresAt > now)
            .OrderByDescending(r => r.ExpiresAt).AsNoTracking();
}

public sealed class GiftsSentBySpec : Specification<SocialGift>
{
    public GiftsSentBySpec(long userId) => Query.Where(g => g.SenderId == userId);
}

public sealed class GiftsReceivedBySpec : Specification<SocialGift>
{
    public GiftsReceivedBySpec(long userId) => Query.Where(g => g.ReceiverId == userId);
}

public sealed class ReportsSentBySpec : Specification<PlayerReport>
{
    public ReportsSentBySpec(long userId) => Query.Where(r => r.ReporterId == userId);
}

/// <summary>Reports against a player that a moderator has not rejected.</summary>
public sealed class ReportsAgainstSpec : Specification<PlayerReport>
{
    public ReportsAgainstSpec(long userId) => Query.Where(r => r.ReportedUserId == userId && r.Status != ReportStatus.Rejected);
}

/// <summary>Token gifts (<c>/api/economy/gift</c>) a wallet gave (<paramref name="sent"/>) or received (indexes on the wallet and the counterparty wallet).</summary>
public sealed class TokenGiftsOfWalletSpec : Specification<Domain.Mafia.Economy.LedgerTransaction>
{
    public TokenGiftsOfWalletSpec(Guid walletId, bool sent)
    {
        if (sent)
        {
            Query.Where(t => t.WalletId == walletId && t.Kind == Domain.Mafia.Economy.LedgerTransactionKind.Gift);
        }
        else
        {
            Query.Where(t => t.CounterpartyWalletId == walletId && t.Kind == Domain.Mafia.Economy.LedgerTransactionKind.Gift);
        }
    }
}

public sealed class ReportByIdSpec : Specification<PlayerReport>
{
    public ReportByIdSpec(Guid id) => Query.Where(r => r.Id == id);
}

/// <summary>The reports linked to an interim restriction that a moderator has not rejected (open or upheld), but one.</summary>
public sealed class UnrejectedReportsOfRestrictionSpec : Specification<PlayerReport>
{
    public UnrejectedReportsOfRestrictionSpec(Guid restrictionId, Guid except) =>
        Query.Where(r => r.InterimRestrictionId == restrictionId && r.Id != except && r.Status != ReportStatus.Rejected);
}

/// <summary>
/// The reports queue: open reports oldest first, or resolved ones newest resolved first, a page at a time
/// (index on status, report time).
/// </summary>
public sealed class ReportQueueSpec : Specification<PlayerReport>
{
    public ReportQueueSpec(bool open, int skip, int take)
    {
        if (open)
        {
            Query.Where(r => r.Status == ReportStatus.Open).OrderBy(r => r.ReportedAt).ThenBy(r => r.Id);
        }
        else
        {
            Query.Where(r => r.Status != ReportStatus.Open).OrderByDescending(r => r.ResolvedAt).ThenByDescending(r => r.Id);
        }

        Query.Skip(skip).Take(take).AsNoTracking();
    }
}
