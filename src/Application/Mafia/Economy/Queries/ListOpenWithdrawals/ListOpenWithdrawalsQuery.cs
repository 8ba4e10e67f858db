using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Queries.ListOpenWithdrawals;

/// <summary>For the payout job: withdrawals still to pay (pending) or to reconcile (processing), oldest first.</summary>
public sealed record ListOpenWithdrawalsQuery(int Take) : IRequest<IReadOnlyList<Guid>>;

public sealed class ListOpenWithdrawalsQueryHandler(IReadRepository<LedgerTransaction> transactions) : IRequestHandler<ListOpenWithdrawalsQuery, IReadOnlyList<Guid>>
{
    public async Task<IReadOnlyList<Guid>> Handle(ListOpenWithdrawalsQuery request, CancellationToken cancellationToken) =>
        await transactions.ListAsync(new OpenWithdrawalsSpec(request.Take), cancellationToken);
}
