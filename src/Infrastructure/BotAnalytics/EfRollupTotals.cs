using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Domain.BotAnalytics.Rollups;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.BotAnalytics;

/// <summary><see cref="IRollupTotals"/> as one grouped query (read from the covering index <c>IX_bot_analytics_rollups_covering</c> alone).</summary>
internal sealed class EfRollupTotals(ApplicationDbContext db) : IRollupTotals
{
    public async Task<Dictionary<string, RollupMetrics>> SumByCurrencyAsync(long botId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var sums = await db.Set<BotRollup>()
            .Where(r => r.BotId == botId && r.Bucket >= from && r.Bucket < before)
            .GroupBy(r => r.Currency)
            .Select(g => new
            {
                Currency = g.Key,
                Metrics = new RollupMetrics(
                    g.Sum(r => r.Registrations),
                    g.Sum(r => r.Payments),
                    g.Sum(r => r.PricedPayments),
                    g.Sum(r => r.Revenue),
                    g.Sum(r => r.RecurringRevenue),
                    g.Sum(r => r.Keys),
                    g.Sum(r => r.Renewals),
                    g.Sum(r => r.Trials),
                    g.Sum(r => r.ConvertedTrials),
                    g.Sum(r => r.Churned),
                    g.Sum(r => r.ActiveUsers),
                    g.Sum(r => r.AllPayments),
                    g.Sum(r => r.AllSubscriptions)),
            })
            .ToListAsync(cancellationToken);
        return sums.ToDictionary(s => s.Currency, s => s.Metrics, StringComparer.Ordinal);
    }
}
