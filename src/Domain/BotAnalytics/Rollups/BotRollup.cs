using CleanGames.Domain.Common;

namespace CleanGames.Domain.BotAnalytics.Rollups;

/// <summary>
/// One row of a bot's rollups: the <see cref="RollupMetrics"/> of every record contributing to one
/// 15-minute bucket (or, at <see cref="RollupBuckets.AllTime"/>, to all time) in one currency. Rows
/// change only by deltas added in the same transaction as the records that caused them; the
/// version token makes two batches racing for a row retry rather than lose one's delta.
/// </summary>
public sealed class BotRollup : AggregateRoot<long>
{
    private BotRollup()
    {
        Currency = RollupContributions.NoCurrency;
    }

    public long BotId { get; private set; }

    /// <summary>The bucket's start in UTC, or <see cref="RollupBuckets.AllTime"/>.</summary>
    public DateTimeOffset Bucket { get; private set; }

    public string Currency { get; private set; }

    public long Registrations { get; private set; }

    public long Payments { get; private set; }

    public long PricedPayments { get; private set; }

    public long Revenue { get; private set; }

    public long RecurringRevenue { get; private set; }

    public long Keys { get; private set; }

    public long Renewals { get; private set; }

    public long Trials { get; private set; }

    public long ConvertedTrials { get; private set; }

    public long Churned { get; private set; }

    public long ActiveUsers { get; private set; }

    public long AllPayments { get; private set; }

    public long AllSubscriptions { get; private set; }

    public RollupKey Key => new(Bucket, Currency);

    public RollupMetrics Metrics => new(Registrations, Payments, PricedPayments, Revenue, RecurringRevenue, Keys, Renewals, Trials, ConvertedTrials, Churned, ActiveUsers, AllPayments, AllSubscriptions);

    public static BotRollup Open(long botId, RollupKey key)
    {
        if (key.Bucket != RollupBuckets.AllTime && !RollupBuckets.IsBoundary(key.Bucket))
        {
            throw new ArgumentException("A rollup bucket starts on a quarter hour.", nameof(key));
        }

        ArgumentNullException.ThrowIfNull(key.Currency);
        return new BotRollup { BotId = botId, Bucket = key.Bucket.ToUniversalTime(), Currency = key.Currency };
    }

    /// <summary>Adds a delta (the difference a batch made to this row's records).</summary>
    public void Add(RollupMetrics delta)
    {
        if (delta.IsZero)
        {
            return;
        }

        var sum = Metrics + delta;
        (Registrations, Payments, PricedPayments, Revenue, RecurringRevenue, Keys, Renewals, Trials, ConvertedTrials, Churned, ActiveUsers, AllPayments, AllSubscriptions) =
            (sum.Registrations, sum.Payments, sum.PricedPayments, sum.Revenue, sum.RecurringRevenue, sum.Keys, sum.Renewals, sum.Trials, sum.ConvertedTrials, sum.Churned, sum.ActiveUsers, sum.AllPayments, sum.AllSubscriptions);
        MarkChanged();
    }
}
