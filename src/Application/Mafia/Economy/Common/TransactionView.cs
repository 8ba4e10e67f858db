using System.Globalization;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Economy;

namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary>
/// Seed 000 <c>Transaction</c> as one player sees it: <c>amount</c> is what moved into or out of that
/// player's wallet (a withdrawal: the amount asked for, whatever became of it); <c>type</c> is <c>mint</c> for a grant, <c>withdrawal</c> for a withdrawal, else
/// <c>credit</c> (tokens came in) or <c>debit</c> (tokens went out).
/// </summary>
public sealed record TransactionView(string Id, string UserId, long Amount, string Type, string Reason, bool IsOnchain, string? TxHash, string Timestamp, string Status);

public static class TransactionViews
{
    public static TransactionView For(LedgerTransaction transaction, Wallet wallet)
    {
        var moved = transaction.AmountFor(wallet.Id);
        var type = transaction.Kind switch
        {
            LedgerTransactionKind.Grant => "mint",
            LedgerTransactionKind.Withdrawal => "withdrawal",
            _ => moved >= 0 ? "credit" : "debit",
        };
        return new TransactionView(
            transaction.Id.ToString("D", CultureInfo.InvariantCulture),
            MafiaIds.Of(wallet.OwnerId),
            transaction.Kind == LedgerTransactionKind.Withdrawal ? transaction.Amount : Math.Abs(moved),
            type,
            transaction.Reason,
            transaction.Kind == LedgerTransactionKind.Withdrawal,
            transaction.TxHash,
            GameViews.Timestamp(transaction.CreatedAt),
            transaction.Status.ToString().ToLowerInvariant());
    }
}
