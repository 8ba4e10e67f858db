using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Mafia.Economy.Commands.RequestWithdrawal;

/// <summary>
/// Seed 000 <c>POST /api/economy/withdraw {amount &gt; 0}</c>: checks the minimum and the balance, moves
/// the amount to pending withdrawals and answers at once with the <c>withdrawal</c> transaction,
/// <c>status: "pending"</c>. The payout job pays it (<see cref="PayOutWithdrawal.PayOutWithdrawalCommand"/>).
/// </summary>
[AuthorizeRequest]
public sealed record RequestWithdrawalCommand(long Amount) : IRequest<TransactionView>, ICallerLockedRequest
{
    public string CallerLockScope => Wallets.LockScope;
}

public sealed class RequestWithdrawalCommandHandler(
    IRepository<Wallet> wallets,
    IRepository<LedgerTransaction> transactions,
    ICurrentUser user,
    IOptions<EconomyOptions> options,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<RequestWithdrawalCommand, TransactionView>
{
    public async Task<TransactionView> Handle(RequestWithdrawalCommand request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        if (request.Amount < options.Value.MinWithdrawal)
        {
            throw new DomainException(EconomyErrors.BelowMinimumWithdrawal(options.Value.MinWithdrawal));
        }

        var wallet = await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken)
                     ?? throw new DomainException(EconomyErrors.InsufficientBalance);
        var withdrawal = LedgerTransaction.Withdraw(wallet, request.Amount, clock.UtcNow);
        await transactions.AddAsync(withdrawal, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return TransactionViews.For(withdrawal, wallet);
    }
}
