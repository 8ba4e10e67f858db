using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Commands.PurchaseItem;

/// <summary>
/// Seed 000 <c>POST /api/economy/purchase</c> <c>{item_type, item_id, price}</c>: the price is the
/// catalogue's; <c>price</c> only confirms what the player saw, and one that is not the current price
/// is refused (409, naming the current price) so nobody pays an amount they did not agree to.
/// </summary>
[AuthorizeRequest]
public sealed record PurchaseItemCommand(string? ItemType, string? ItemId, long Price) : IRequest<TransactionView>, ICallerLockedRequest
{
    public string CallerLockScope => Wallets.LockScope;
}

public sealed class PurchaseItemCommandHandler(
    IRepository<Wallet> wallets,
    IRepository<LedgerTransaction> transactions,
    IEconomyCatalog catalog,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<PurchaseItemCommand, TransactionView>
{
    public async Task<TransactionView> Handle(PurchaseItemCommand request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var item = catalog.Find(request.ItemType!, request.ItemId!) ?? throw new DomainException(EconomyErrors.NoSuchItem);
        if (item.Price != request.Price)
        {
            throw new DomainException(EconomyErrors.PriceChanged(item.ItemType, item.ItemId, item.Price, request.Price));
        }

        var wallet = await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken)
                     ?? throw new DomainException(EconomyErrors.InsufficientBalance);
        var purchase = LedgerTransaction.Purchase(wallet, item.Price, item.ItemType, item.ItemId, clock.UtcNow);
        await transactions.AddAsync(purchase, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TransactionViews.For(purchase, wallet);
    }
}
