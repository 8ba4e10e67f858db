using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Commands.SendGift;

/// <summary>
/// Seed 000 <c>POST /api/economy/gift</c> <c>{to_user, amount 1–10000, message?}</c>: moves tokens from
/// the caller's wallet to another player's and answers the caller's <c>Transaction</c> (a debit); the
/// receiver is told once it is saved (<see cref="EventHandlers.GiftNotifier"/>).
/// </summary>
[AuthorizeRequest]
public sealed record SendGiftCommand(string? ToUser, long Amount, string? Message) : IRequest<TransactionView>, ICallerLockedRequest
{
    public const long MaxAmount = 10_000;

    public string CallerLockScope => Wallets.LockScope;

    /// <summary>The receiver's wallet changes too: held with the giver's, so a ring of players gifting each other queues instead of racing.</summary>
    public IEnumerable<string> AlsoLockedKeys => MafiaIds.Account(ToUser) is { } receiver ? [Wallets.LockKey(receiver)] : [];
}

public sealed class SendGiftCommandHandler(
    IRepository<Wallet> wallets,
    IRepository<LedgerTransaction> transactions,
    IAccountDirectory accounts,
    IPlayerStanding standing,
    ICurrentUser user,
    IChainGateway chain,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<SendGiftCommand, TransactionView>
{
    public async Task<TransactionView> Handle(SendGiftCommand request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var receiverId = await Wallets.ExistingPlayerAsync(accounts, request.ToUser, cancellationToken);
        if (receiverId == caller)
        {
            throw new DomainException(EconomyErrors.GiftToSelf);
        }

        if (await standing.OfAsync(caller, cancellationToken) is { CanSendGifts: false } refused)
        {
            throw new DomainException(MafiaErrors.Restricted(refused.Reason!));
        }

        var now = clock.UtcNow;
        var giver = await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken)
                    ?? throw new DomainException(EconomyErrors.InsufficientBalance);
        var receiver = await Wallets.OpenAsync(wallets, chain, receiverId, now, cancellationToken);
        var gift = LedgerTransaction.Gift(giver, receiver, request.Amount, request.Message, now);
        await transactions.AddAsync(gift, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TransactionViews.For(gift, giver);
    }
}
