using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Social.Commands.SendSocialGift;

/// <summary>
/// Seed 000 <c>POST /api/social/gifts/send {to_user, gift_type, game_id?}</c>: the caller buys a
/// catalogue gift for another player at the catalogue's price (one ledger transaction from the caller's
/// wallet to shop revenue) and the receiver is told. Answers the caller's <c>Transaction</c> (a debit).
/// </summary>
[AuthorizeRequest]
public sealed record SendSocialGiftCommand(string? ToUser, string? GiftType, string? GameId) : IRequest<TransactionView>, ICallerLockedRequest
{
    // Only the caller's wallet changes (the receiver gets the gift, not tokens).
    public string CallerLockScope => Wallets.LockScope;
}

public sealed class SendSocialGiftCommandHandler(
    IRepository<Wallet> wallets,
    IRepository<LedgerTransaction> transactions,
    IRepository<SocialGift> gifts,
    IReadRepository<Game> games,
    ISocialGiftCatalog catalog,
    IAccountDirectory accounts,
    IPlayerStanding standing,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<SendSocialGiftCommand, TransactionView>
{
    public async Task<TransactionView> Handle(SendSocialGiftCommand request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var item = catalog.Find(request.GiftType!) ?? throw new DomainException(SocialErrors.NoSuchGift);
        var receiverId = await Wallets.ExistingPlayerAsync(accounts, request.ToUser, cancellationToken);
        var table = request.GameId is null ? null : await SocialTables.LoadAsync(games, request.GameId, cancellationToken);
        SocialGift.EnsureMayGift(caller, receiverId, table);
        if (await standing.OfAsync(caller, cancellationToken) is { CanSendGifts: false } refused)
        {
            throw new DomainException(MafiaErrors.Restricted(refused.Reason!));
        }

        var wallet = await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken)
                     ?? throw new DomainException(EconomyErrors.InsufficientBalance);
        var payment = LedgerTransaction.SocialGift(wallet, receiverId, item.GiftType, item.Price, clock.UtcNow);
        await transactions.AddAsync(payment, cancellationToken);
        await gifts.AddAsync(SocialGift.Send(caller, receiverId, item.GiftType, item.Price, table, payment.Id, payment.CreatedAt), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TransactionViews.For(payment, wallet);
    }
}
