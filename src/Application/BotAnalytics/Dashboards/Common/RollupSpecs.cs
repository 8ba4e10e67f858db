using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Mapping;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;

namespace CleanGames.Application.BotAnalytics.Dashboards.Common;

/// <summary>A rollup row as the dashboards read it, projected in the database.</summary>
public sealed record RollupRow(
    DateTimeOffset Bucket,
    string Currency,
    long Registrations,
    long Payments,
    long PricedPayments,
    long Revenue,
    long RecurringRevenue,
    long Keys,
    long Renewals,
    long Trials,
    long ConvertedTrials,
    long Churned,
    long ActiveUsers,
    long AllPayments,
    long AllSubscriptions)
{
    public RollupMetrics Metrics => new(Registrations, Payments, PricedPayments, Revenue, RecurringRevenue, Keys, Renewals, Trials, ConvertedTrials, Churned, ActiveUsers, AllPayments, AllSubscriptions);
}

public sealed class RollupRowsProfile : Profile
{
    public RollupRowsProfile()
    {
        CreateProjection<BotRollup, RollupRow>();
        CreateProjection<BotRollup, RollupCountsRow>();
    }
}

/// <summary>The counts of a rollup row, for the daily series.</summary>
public sealed record RollupCountsRow(DateTimeOffset Bucket, long Registrations, long Payments, long Trials, long Keys, long Renewals)
{
    public RollupMetrics Metrics => new(Registrations: Registrations, Payments: Payments, Trials: Trials, Keys: Keys, Renewals: Renewals);
}

/// <summary>
/// A bot's counts (its <see cref="RollupContributions.NoCurrency"/> rows) of the buckets starting in
/// [<paramref name="from"/>, <paramref name="before"/>), in bucket order, read from the covering index
/// <c>IX_bot_analytics_rollups_covering</c> alone.
/// </summary>
public sealed class RollupCountsSpec : Specification<BotRollup, RollupCountsRow>
{
    public RollupCountsSpec(IConfigurationProvider mapping, long botId, DateTimeOffset from, DateTimeOffset before)
    {
        Query.Where(r => r.BotId == botId && r.Currency == RollupContributions.NoCurrency && r.Bucket >= from && r.Bucket < before)
            .OrderBy(r => r.Bucket).AsNoTracking();
        Query.Select(Projections.Of<BotRollup, RollupCountsRow>(mapping));
    }
}

/// <summary>A bot's timeless rollup rows (<see cref="RollupBuckets.AllTime"/>), one per currency.</summary>
public sealed class AllTimeRollupsSpec : Specification<BotRollup, RollupRow>
{
    public AllTimeRollupsSpec(IConfigurationProvider mapping, long botId)
    {
        var allTime = RollupBuckets.AllTime;
        Query.Where(r => r.BotId == botId && r.Bucket == allTime).AsNoTracking();
        Query.Select(Projections.Of<BotRollup, RollupRow>(mapping));
    }
}

public sealed class UsersRegisteredBetweenSpec : Specification<BotUser>
{
    public UsersRegisteredBetweenSpec(long botId, DateTimeOffset from, DateTimeOffset before) =>
        Query.Where(u => u.BotId == botId && u.RegDate >= from && u.RegDate < before).AsNoTracking();
}

public sealed class PaymentsDatedBetweenSpec : Specification<Payment>
{
    public PaymentsDatedBetweenSpec(long botId, DateTimeOffset from, DateTimeOffset before) =>
        Query.Where(p => p.BotId == botId && p.Date >= from && p.Date < before).AsNoTracking();
}

/// <summary>Subscriptions that started or stopped in [<paramref name="from"/>, <paramref name="before"/>).</summary>
public sealed class SubscriptionsStartedOrStoppedBetweenSpec : Specification<Subscription>
{
    public SubscriptionsStartedOrStoppedBetweenSpec(long botId, DateTimeOffset from, DateTimeOffset before) =>
        Query.Where(s => s.BotId == botId && ((s.StartDate >= from && s.StartDate < before) || (s.StopDate >= from && s.StopDate < before))).AsNoTracking();
}
