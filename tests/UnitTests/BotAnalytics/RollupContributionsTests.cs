using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;

namespace CleanGames.UnitTests.BotAnalytics;

public sealed class RollupContributionsTests
{
    private static readonly DateTimeOffset T = new(2024, 3, 1, 10, 7, 0, TimeSpan.Zero);

    private static Payment Paid(string bill, long? user, decimal? amount, string? currency, PaymentKind kind, DateTimeOffset at, string status = Payment.PaidStatus) =>
        Payment.Record(1, bill, new PaymentFacts(user, amount is { } a ? Amount.ToUnits(a) : null, currency, status, null, at, kind, null));

    private static Subscription Sub(string uid, long? user, DateTimeOffset start, DateTimeOffset? stop = null, bool? trial = null, string status = "Expired") =>
        Subscription.Record(1, uid, new SubscriptionFacts(null, user, status, start, stop, trial, null, null));

    private static Dictionary<RollupKey, RollupMetrics> Rows(IEnumerable<BotUser>? users = null, IEnumerable<Payment>? payments = null, IEnumerable<Subscription>? subscriptions = null) =>
        RollupContributions.ByRow(RollupContributions.Of(users ?? [], payments ?? [], subscriptions ?? []));

    [Fact]
    public void A_bucket_is_the_quarter_hour_of_the_instant_in_utc()
    {
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), RollupBuckets.Of(T));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 0, 0, TimeSpan.Zero), RollupBuckets.Of(new DateTimeOffset(2024, 3, 1, 13, 14, 59, TimeSpan.FromHours(3))));
        Assert.Equal(new DateTimeOffset(2024, 3, 1, 10, 15, 0, TimeSpan.Zero), RollupBuckets.CeilingOf(T));
        Assert.True(RollupBuckets.IsBoundary(new DateTimeOffset(2024, 3, 1, 18, 30, 0, TimeSpan.Zero)));
    }

    [Fact]
    public void A_paid_payment_counts_in_the_bucket_and_its_money_in_its_currency()
    {
        var rows = Rows(payments: [Paid("a", 1, 10.5m, "RUB", PaymentKind.Renewal, T), Paid("b", 1, null, null, PaymentKind.Key, T), Paid("c", 1, 99m, "RUB", PaymentKind.Key, T, status: "FAILED")]);
        var bucket = RollupBuckets.Of(T);
        Assert.Equal(new RollupMetrics(Payments: 2, PricedPayments: 1, Keys: 1, Renewals: 1, AllPayments: 3), rows[new(bucket, RollupContributions.NoCurrency)]);
        Assert.Equal(new RollupMetrics(Revenue: 105_000, RecurringRevenue: 105_000), rows[new(bucket, "RUB")]);
        Assert.Equal(RollupMetrics.Zero, rows[new(bucket, RollupContributions.UnknownCurrency)]);
        Assert.Equal(rows[new(bucket, "RUB")], rows[new(RollupBuckets.AllTime, "RUB")]);
    }

    [Fact]
    public void A_trial_converts_when_its_user_pays_at_or_after_its_start()
    {
        var trial = Sub("t", 7, T, trial: true);
        Assert.Equal(0, Rows(payments: [Paid("p", 7, 1m, "USD", PaymentKind.Subscription, T.AddSeconds(-1))], subscriptions: [trial])[new(RollupBuckets.Of(T), "")].ConvertedTrials);
        Assert.Equal(1, Rows(payments: [Paid("p", 7, 1m, "USD", PaymentKind.Subscription, T)], subscriptions: [trial])[new(RollupBuckets.Of(T), "")].ConvertedTrials);
        Assert.Equal(0, Rows(payments: [Paid("p", 8, 1m, "USD", PaymentKind.Subscription, T.AddDays(1))], subscriptions: [trial])[new(RollupBuckets.Of(T), "")].ConvertedTrials);
    }

    [Fact]
    public void A_stopped_subscription_churns_unless_its_user_started_a_later_one()
    {
        var stop = T.AddDays(30);
        var first = Sub("a", 7, T, stop);
        Assert.Equal(1, Rows(subscriptions: [first])[new(RollupBuckets.Of(stop), "")].Churned);
        var rows = Rows(subscriptions: [first, Sub("b", 7, T.AddDays(29), status: "Active")]);
        Assert.False(rows.ContainsKey(new(RollupBuckets.Of(stop), "")));
        Assert.Equal(1, rows[new(RollupBuckets.AllTime, "")].ActiveUsers);

        // Without a user a subscription stands alone, and is never an active user.
        var anonymous = Rows(subscriptions: [Sub("c", null, T, stop), Sub("d", null, T.AddDays(1), stop, status: "Active")]);
        Assert.Equal(2, anonymous[new(RollupBuckets.Of(stop), "")].Churned);
        Assert.Equal(0, anonymous[new(RollupBuckets.AllTime, "")].ActiveUsers);
    }

    [Fact]
    public void Moving_a_record_is_its_new_contribution_minus_its_old_one()
    {
        var payment = Paid("a", 1, 10m, "RUB", PaymentKind.Key, T);
        var before = Rows(payments: [payment]);
        payment.Update(new PaymentFacts(1, Amount.ToUnits(12m), "USD", Payment.PaidStatus, null, T.AddHours(1), PaymentKind.Key, null));
        var delta = RollupContributions.ByRow(RollupContributions.Of([], [payment], []));
        foreach (var (key, metrics) in before)
        {
            RollupContributions.Add(delta, key, -metrics);
        }

        Assert.Equal(-1, delta[new(RollupBuckets.Of(T), "")].Keys);
        Assert.Equal(1, delta[new(RollupBuckets.Of(T.AddHours(1)), "")].Keys);
        Assert.Equal(-100_000, delta[new(RollupBuckets.AllTime, "RUB")].Revenue);
        Assert.Equal(120_000, delta[new(RollupBuckets.AllTime, "USD")].Revenue);
        Assert.True(delta[new(RollupBuckets.AllTime, "")].IsZero);
    }

    [Fact]
    public void A_rollup_row_adds_deltas_and_starts_only_on_a_quarter_hour()
    {
        var row = BotRollup.Open(1, new RollupKey(RollupBuckets.Of(T), "RUB"));
        row.Add(new RollupMetrics(Revenue: 5));
        row.Add(new RollupMetrics(Revenue: -2, Payments: 1));
        Assert.Equal(new RollupMetrics(Revenue: 3, Payments: 1), row.Metrics);
        Assert.Throws<ArgumentException>(() => BotRollup.Open(1, new RollupKey(T, "RUB")));
    }

    [Theory]
    [InlineData("UTC", "2024-03-10", "2024-03-10T00:00:00Z")]
    [InlineData("Asia/Kolkata", "2024-03-10", "2024-03-09T18:30:00Z")]
    [InlineData("America/New_York", "2024-03-11", "2024-03-11T04:00:00Z")]
    [InlineData("America/Santiago", "2024-09-08", "2024-09-08T04:00:00Z")] // clocks skip from 00:00 to 01:00
    [InlineData("America/Santiago", "2024-04-07", "2024-04-07T04:00:00Z")] // clocks go back from 00:00 to 23:00 of the day before
    [InlineData("America/Havana", "2024-11-03", "2024-11-03T04:00:00Z")] // clocks go back from 01:00 to 00:00: the first midnight
    public void A_day_begins_at_local_midnight_or_the_first_moment_after_it(string tz, string day, string start)
    {
        var zone = DashboardTimeZones.Find(tz);
        Assert.Equal(DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture), DashboardTimeZones.StartOfDay(DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture), zone));
    }

    [Theory]
    [InlineData("Mars/Olympus")]
    [InlineData("../../etc/passwd")]
    [InlineData("/etc/localtime")]
    [InlineData("Europe/Moscow ")]
    public void Unknown_or_malformed_zone_names_are_refused(string name) => Assert.False(DashboardTimeZones.IsKnown(name));
}
