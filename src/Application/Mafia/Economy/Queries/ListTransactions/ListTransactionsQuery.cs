using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Queries.ListTransactions;

/// <summary>Seed 000 <c>GET /api/economy/transactions?limit=50</c>: the caller's newest transactions first.</summary>
[AuthorizeRequest]
public sealed record ListTransactionsQuery(int? Limit) : IRequest<IReadOnlyList<TransactionView>>
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;
}

public sealed class ListTransactionsQueryHandler(IReadRepository<Wallet> wallets, IReadRepository<LedgerTransaction> transactions, ICurrentUser user)
    : IRequestHandler<ListTransactionsQuery, IReadOnlyList<TransactionView>>
{
    public async Task<IReadOnlyList<TransactionView>> Handle(ListTransactionsQuery request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        if (await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken) is not { } wallet)
        {
            return [];
        }

        var rows = await transactions.ListAsync(new TransactionsOfWalletSpec(wallet.Id, request.Limit ?? ListTransactionsQuery.DefaultLimit), cancellationToken);
        return [.. rows.Select(t => TransactionViews.For(t, wallet))];
    }
}
