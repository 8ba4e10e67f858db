using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Mafia.Economy;

/// <summary><see cref="IEarningsBoard"/> as one grouped query over the period's earning transactions (index on created time, earner, amount).</summary>
internal sealed class EfEarningsBoard(ApplicationDbContext db) : IEarningsBoard
{
    public async Task<IReadOnlyList<(Guid WalletId, long Earned)>> TopEarnersAsync(DateTimeOffset since, int take, CancellationToken cancellationToken)
    {
        var top = await db.Set<LedgerTransaction>()
            .Where(t => t.EarnerWalletId != null && t.CreatedAt >= since)
            .GroupBy(t => t.EarnerWalletId!.Value)
            .Select(g => new { WalletId = g.Key, Earned = g.Sum(t => t.Amount) })
            .OrderByDescending(e => e.Earned).ThenBy(e => e.WalletId)
            .Take(take)
            .ToListAsync(cancellationToken);
        return [.. top.Select(e => (e.WalletId, e.Earned))];
    }
}
