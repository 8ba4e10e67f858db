using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Dashboards.Queries.GetBotSummary;

/// <summary>
/// Seed 003 <c>GET /api/bots/{bot_id}/summary</c>, plus <c>revenue_by_currency</c>, <c>mrr</c>,
/// <c>churned_month</c> and <c>trial_conversion</c>. "Month" is the 30 calendar days ending today in
/// <c>tz</c> (UTC by default). Every figure is read from the rollups (docs/analytics.md, "Definitions").
/// </summary>
[AuthorizeRequest]
public sealed record GetBotSummaryQuery(long BotId, string? Tz = null) : IRequest<BotSummary>, IBotScopedRequest;

public sealed record BotSummary(
    long TotalUsers,
    long ActiveUsers,
    long NewUsersMonth,
    decimal TotalRevenue,
    decimal MonthlyRevenue,
    decimal AverageCheck,
    IReadOnlyDictionary<string, decimal> RevenueByCurrency,
    IReadOnlyDictionary<string, decimal> Mrr,
    long ChurnedMonth,
    decimal? TrialConversion);

public sealed class GetBotSummaryQueryHandler(RollupSums sums, IClock clock) : IRequestHandler<GetBotSummaryQuery, BotSummary>
{
    /// <summary>The month of the summary: today and the 29 days before it.</summary>
    public const int MonthDays = 30;

    /// <summary>Decimal places of <c>average_check</c> and <c>trial_conversion</c>.</summary>
    private const int Places = 4;

    public async Task<BotSummary> Handle(GetBotSummaryQuery request, CancellationToken cancellationToken)
    {
        var zone = DashboardTimeZones.Find(request.Tz);
        var today = DashboardTimeZones.Today(clock.UtcNow, zone);
        var month = await sums.ByCurrencyAsync(
            request.BotId,
            DashboardTimeZones.StartOfDay(today.AddDays(1 - MonthDays), zone),
            DashboardTimeZones.StartOfDay(today.AddDays(1), zone),
            cancellationToken);
        var allTime = await sums.AllTimeAsync(request.BotId, cancellationToken);

        var total = Total(allTime);
        var monthTotal = Total(month);

        // Every currency the bot was ever paid in is listed, with 0 where the month had none.
        var currencies = allTime.Where(c => c.Key != RollupContributions.NoCurrency && !c.Value.IsZero).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        return new BotSummary(
            total.Registrations,
            total.ActiveUsers,
            monthTotal.Registrations,
            Amount.FromUnits(total.Revenue),
            Amount.FromUnits(monthTotal.Revenue),
            total.PricedPayments == 0 ? 0 : Round(Amount.FromUnits(total.Revenue) / total.PricedPayments),
            currencies.ToDictionary(c => c, c => Amount.FromUnits(allTime[c].Revenue), StringComparer.Ordinal),
            currencies.ToDictionary(c => c, c => Amount.FromUnits(month.GetValueOrDefault(c).RecurringRevenue), StringComparer.Ordinal),
            monthTotal.Churned,
            monthTotal.Trials == 0 ? null : Round(monthTotal.ConvertedTrials / (decimal)monthTotal.Trials));
    }

    private static RollupMetrics Total(Dictionary<string, RollupMetrics> byCurrency) =>
        byCurrency.Values.Aggregate(RollupMetrics.Zero, (sum, metrics) => sum + metrics);

    private static decimal Round(decimal value) => decimal.Round(value, Places, MidpointRounding.AwayFromZero) / 1.0000000000000000000000000000m;
}
