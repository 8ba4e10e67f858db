using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Commands.PayOutWithdrawal;

/// <summary>
/// The payout job's step for one withdrawal, safe to run any number of times and on several instances:
/// a pending withdrawal is marked processing and saved before the chain is called; a processing one
/// (left by a crash or a lost answer) is first looked up on the chain by its reference, and paid only if
/// the chain never saw it. A definite outcome completes it with its transaction hash or fails it with a
/// reversing entry. Answers whether it is settled now.
/// </summary>
public sealed record PayOutWithdrawalCommand(Guid WithdrawalId) : IRequest<bool>;

public sealed class PayOutWithdrawalCommandHandler(
    IRepository<LedgerTransaction> transactions,
    IRepository<Wallet> wallets,
    IChainGateway chain,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<PayOutWithdrawalCommand, bool>
{
    public async Task<bool> Handle(PayOutWithdrawalCommand request, CancellationToken cancellationToken)
    {
        var withdrawal = await transactions.GetByIdAsync(request.WithdrawalId, cancellationToken);
        if (withdrawal is null || withdrawal.Kind != LedgerTransactionKind.Withdrawal
            || withdrawal.Status is LedgerTransactionStatus.Completed or LedgerTransactionStatus.Failed)
        {
            return withdrawal is not null;
        }

        if (withdrawal.Status == LedgerTransactionStatus.Pending)
        {
            withdrawal.StartPayout();
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        var wallet = await wallets.GetByIdAsync(withdrawal.WalletId, cancellationToken)
                     ?? throw new InvalidOperationException($"Withdrawal {withdrawal.Id} names no wallet.");
        var reference = withdrawal.Id.ToString("D", CultureInfo.InvariantCulture);
        var outcome = await chain.FindPayoutAsync(reference, cancellationToken)
                      ?? await chain.PayOutAsync(new PayoutOrder(reference, wallet.TonAddress, withdrawal.Amount), cancellationToken);
        if (outcome.Paid)
        {
            withdrawal.CompletePayout(outcome.TxHash!, clock.UtcNow);
        }
        else
        {
            withdrawal.FailPayout(wallet, clock.UtcNow);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return true;
    }
}
