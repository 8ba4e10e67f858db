using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Social.Queries.GetSocialStats;

/// <summary>
/// Seed 000 <c>GET /api/social/stats/{user_id}</c> → <c>UserSocialStats</c>, counted from the stored
/// records, for any signed-in user (a public profile). Gifts count catalogue gifts and token gifts
/// (<c>/api/economy/gift</c>) alike; reports received leave out those a moderator rejected; there are no
/// likes or friends to count (no route makes them), so those are 0.
/// </summary>
[AuthorizeRequest]
public sealed record GetSocialStatsQuery(string? UserId) : IRequest<SocialStatsView>;

public sealed class GetSocialStatsQueryHandler(
    IReadRepository<SocialGift> gifts,
    IReadRepository<PlayerReport> reports,
    IReadRepository<Wallet> wallets,
    IReadRepository<LedgerTransaction> transactions,
    ILinguisticScores scores,
    IAccountDirectory accounts) : IRequestHandler<GetSocialStatsQuery, SocialStatsView>
{
    public async Task<SocialStatsView> Handle(GetSocialStatsQuery request, CancellationToken cancellationToken)
    {
        if (MafiaIds.Account(request.UserId) is not { } userId || await accounts.FindContactAsync(userId, cancellationToken) is null)
        {
            throw new DomainException(MafiaErrors.PlayerNotFound);
        }

        var (tokenGiftsSent, tokenGiftsReceived) = (0, 0);
        if (await wallets.FirstOrDefaultAsync(new WalletOfSpec(userId), cancellationToken) is { } wallet)
        {
            tokenGiftsSent = await transactions.CountAsync(new TokenGiftsOfWalletSpec(wallet.Id, sent: true), cancellationToken);
            tokenGiftsReceived = await transactions.CountAsync(new TokenGiftsOfWalletSpec(wallet.Id, sent: false), cancellationToken);
        }

        return new SocialStatsView(
            MafiaIds.Of(userId),
            LikesReceived: 0,
            LikesGiven: 0,
            GiftsReceived: await gifts.CountAsync(new GiftsReceivedBySpec(userId), cancellationToken) + tokenGiftsReceived,
            GiftsSent: await gifts.CountAsync(new GiftsSentBySpec(userId), cancellationToken) + tokenGiftsSent,
            ReportsReceived: await reports.CountAsync(new ReportsAgainstSpec(userId), cancellationToken),
            ReportsSent: await reports.CountAsync(new ReportsSentBySpec(userId), cancellationToken),
            FriendsCount: 0,
            LinguisticRatings: await scores.AveragesOfAsync(userId, cancellationToken));
    }
}
