using AutoMapper;
using CleanGames.Application.BotAnalytics.Ingestion.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;

namespace CleanGames.Application.BotAnalytics.Dashboards.Common;

/// <summary>
/// Sums of a bot's rollups over stretches of time. Whole 15-minute buckets are read from the rollup
/// rows (a series bucket by bucket, a single stretch summed in the database by <see cref="IRollupTotals"/>),
/// so the cost follows the length of the stretch, not the number of records in it; a bucket
/// cut by a stretch's boundary (a time zone offset that is not a whole number of quarter hours, as
/// local mean times before the 20th century were) is recomputed from the records it holds with
/// <see cref="RollupContributions"/>, the same definition the ingestion path uses.
/// </summary>
public sealed class RollupSums(
    IRollupTotals totals,
    IReadRepository<BotRollup> rollups,
    IReadRepository<BotUser> users,
    IReadRepository<Payment> payments,
    IReadRepository<Subscription> subscriptions,
    IMapper mapper)
{
    /// <summary>Every count (no money) of each stretch between consecutive <paramref name="boundaries"/>.</summary>
    public async Task<RollupMetrics[]> CountsAsync(long botId, IReadOnlyList<DateTimeOffset> boundaries, CancellationToken cancellationToken)
    {
        var sums = new RollupMetrics[boundaries.Count - 1];

        // A bucket holding a boundary that is not a quarter hour is cut in two: it is read from records.
        var cut = boundaries.Where(b => !RollupBuckets.IsBoundary(b)).Select(RollupBuckets.Of).ToHashSet();
        var first = RollupBuckets.Of(boundaries[0]);
        var last = RollupBuckets.CeilingOf(boundaries[^1]);
        var stretch = 0;
        foreach (var row in await rollups.ListAsync(new RollupCountsSpec(mapper.ConfigurationProvider, botId, first, last), cancellationToken))
        {
            if (cut.Contains(row.Bucket))
            {
                continue;
            }

            while (row.Bucket >= boundaries[stretch + 1])
            {
                stretch++;
            }

            sums[stretch] += row.Metrics;
        }

        foreach (var bucket in cut)
        {
            var from = bucket < boundaries[0] ? boundaries[0] : bucket;
            var end = bucket + RollupBuckets.Width;
            foreach (var contribution in await RecomputeAsync(botId, from, end > boundaries[^1] ? boundaries[^1] : end, cancellationToken))
            {
                if (contribution.Currency == RollupContributions.NoCurrency)
                {
                    var index = 0;
                    while (contribution.At >= boundaries[index + 1])
                    {
                        index++;
                    }

                    sums[index] += contribution.Metrics;
                }
            }
        }

        return sums;
    }

    /// <summary>Every metric of [<paramref name="from"/>, <paramref name="before"/>) by currency (counts under <see cref="RollupContributions.NoCurrency"/>).</summary>
    public async Task<Dictionary<string, RollupMetrics>> ByCurrencyAsync(long botId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken)
    {
        var wholeFrom = RollupBuckets.CeilingOf(from);
        var wholeBefore = RollupBuckets.Of(before);
        if (wholeFrom >= wholeBefore)
        {
            return Sum([], await RecomputeAsync(botId, from, before, cancellationToken));
        }

        var sums = await totals.SumByCurrencyAsync(botId, wholeFrom, wholeBefore, cancellationToken);
        Sum(sums, await RecomputeAsync(botId, from, wholeFrom, cancellationToken));
        return Sum(sums, await RecomputeAsync(botId, wholeBefore, before, cancellationToken));
    }

    /// <summary>
    /// The counts (no money) of the records in [<paramref name="from"/>, <paramref name="before"/>), where
    /// a missing end is open: with neither, the timeless row's totals. The record lists' totals come from
    /// here, so counting a million payments costs a few rows.
    /// </summary>
    public async Task<RollupMetrics> CountsBetweenAsync(long botId, DateTimeOffset? from, DateTimeOffset? before, CancellationToken cancellationToken)
    {
        var sums = from is null && before is null
            ? await AllTimeAsync(botId, cancellationToken)
            : await ByCurrencyAsync(botId, from ?? RollupBuckets.AllTime + RollupBuckets.Width, before ?? RollupBuckets.Of(DateTimeOffset.MaxValue), cancellationToken);
        return sums.GetValueOrDefault(RollupContributions.NoCurrency);
    }

    /// <summary>The sums over all time and the present (active users), by currency.</summary>
    public async Task<Dictionary<string, RollupMetrics>> AllTimeAsync(long botId, CancellationToken cancellationToken) =>
        (await rollups.ListAsync(new AllTimeRollupsSpec(mapper.ConfigurationProvider, botId), cancellationToken))
            .ToDictionary(r => r.Currency, r => r.Metrics, StringComparer.Ordinal);

    private static Dictionary<string, RollupMetrics> Sum(Dictionary<string, RollupMetrics> sums, IEnumerable<RollupContribution> contributions)
    {
        foreach (var contribution in contributions)
        {
            sums[contribution.Currency] = sums.GetValueOrDefault(contribution.Currency) + contribution.Metrics;
        }

        return sums;
    }

    /// <summary>The contributions falling in [<paramref name="from"/>, <paramref name="before"/>), from the records.</summary>
    private async Task<IEnumerable<RollupContribution>> RecomputeAsync(long botId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken)
    {
        if (from >= before)
        {
            return [];
        }

        var registered = await users.ListAsync(new UsersRegisteredBetweenSpec(botId, from, before), cancellationToken);
        var paid = await payments.ListAsync(new PaymentsDatedBetweenSpec(botId, from, before), cancellationToken);
        var subscribed = await subscriptions.ListAsync(new SubscriptionsStartedOrStoppedBetweenSpec(botId, from, before), cancellationToken);

        // Trials and churn depend on the subscriber's other records: take all of them.
        long[] subscribers = [.. subscribed.Select(s => s.UserId).OfType<long>().Distinct()];
        var scopePayments = paid.ToDictionary(p => p.Id);
        var scopeSubscriptions = subscribed.ToDictionary(s => s.Id);
        if (subscribers.Length > 0)
        {
            foreach (var payment in await payments.ListAsync(new PaymentsOfUsersSpec(botId, subscribers), cancellationToken))
            {
                scopePayments.TryAdd(payment.Id, payment);
            }

            foreach (var subscription in await subscriptions.ListAsync(new SubscriptionsOfUsersSpec(botId, subscribers), cancellationToken))
            {
                scopeSubscriptions.TryAdd(subscription.Id, subscription);
            }
        }

        return RollupContributions.Of(registered, scopePayments.Values, scopeSubscriptions.Values)
            .Where(c => c.At is { } at && at >= from && at < before);
    }
}
