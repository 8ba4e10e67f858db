using CleanGames.Domain.BotAnalytics.Records;

namespace CleanGames.Domain.BotAnalytics.Rollups;

/// <summary>
/// The one definition of what each record adds to a bot's rollups. The ingestion path, the bulk
/// loader and the tests that recompute rollups from raw rows all call it, so they cannot disagree.
/// <list type="bullet">
/// <item>a user: one registration at <c>reg_date</c>;</item>
/// <item>a payment whose status is <c>PAID</c>, at its <c>date</c>: one payment (one priced payment
/// when it has an amount), one key or renewal by kind; and in its currency its amount as revenue
/// (and as recurring revenue for kinds <c>subscription</c> and <c>renewal</c>);</item>
/// <item>a subscription with <c>is_trial</c> true: one trial at <c>start_date</c>, converted when the
/// same user has a <c>PAID</c> payment at or after that moment;</item>
/// <item>a subscription with a <c>stop_date</c>: one churn at <c>stop_date</c> unless the same user has
/// a subscription that started later;</item>
/// <item>a user with at least one <c>Active</c> subscription: one active user (timeless);</item>
/// <item>every payment at its <c>date</c> and every subscription at its <c>start_date</c>, whatever their
/// status: one in <see cref="RollupMetrics.AllPayments"/> or <see cref="RollupMetrics.AllSubscriptions"/>.</item>
/// </list>
/// The last three look at a subscriber's other records, so a caller passes every subscription and
/// payment of each user it passes any of (records without a <c>user_id</c> stand alone).
/// </summary>
public static class RollupContributions
{
    /// <summary>The currency of contributions that are not money.</summary>
    public const string NoCurrency = "";

    /// <summary>ISO 4217's code for "no currency", under which payments without a currency are summed.</summary>
    public const string UnknownCurrency = "XXX";

    public static string CurrencyOf(Payment payment) => string.IsNullOrEmpty(payment.Currency) ? UnknownCurrency : payment.Currency;

    public static IEnumerable<RollupContribution> Of(IEnumerable<BotUser> users, IEnumerable<Payment> payments, IEnumerable<Subscription> subscriptions)
    {
        foreach (var user in users)
        {
            yield return Of(user);
        }

        var paidUntil = new Dictionary<long, DateTimeOffset>();
        foreach (var payment in payments)
        {
            foreach (var contribution in Of(payment))
            {
                yield return contribution;
            }

            if (payment.Status == Payment.PaidStatus && payment.UserId is { } userId && (!paidUntil.TryGetValue(userId, out var latest) || payment.Date > latest))
            {
                paidUntil[userId] = payment.Date;
            }
        }

        var subscribers = new Dictionary<long, List<Subscription>>();
        foreach (var subscription in subscriptions)
        {
            if (subscription.UserId is { } userId)
            {
                if (!subscribers.TryGetValue(userId, out var list))
                {
                    subscribers[userId] = list = [];
                }

                list.Add(subscription);
            }
            else
            {
                foreach (var contribution in OfSubscriber([subscription], paidUntil: null))
                {
                    yield return contribution;
                }
            }
        }

        foreach (var (userId, list) in subscribers)
        {
            foreach (var contribution in OfSubscriber(list, paidUntil.TryGetValue(userId, out var latest) ? latest : null))
            {
                yield return contribution;
            }
        }
    }

    public static RollupContribution Of(BotUser user) => new(user.RegDate, NoCurrency, new RollupMetrics(Registrations: 1));

    /// <summary>
    /// A <c>PAID</c> payment's contributions: its counts with every other count (currency
    /// <see cref="NoCurrency"/>, so a daily series reads one row per bucket) and its money in its
    /// currency. Every payment counts once in <see cref="RollupMetrics.AllPayments"/>.
    /// </summary>
    public static IEnumerable<RollupContribution> Of(Payment payment)
    {
        if (payment.Status != Payment.PaidStatus)
        {
            yield return new RollupContribution(payment.Date, NoCurrency, new RollupMetrics(AllPayments: 1));
            yield break;
        }

        yield return new RollupContribution(payment.Date, NoCurrency, new RollupMetrics(
            AllPayments: 1,
            Payments: 1,
            PricedPayments: payment.Amount is null ? 0 : 1,
            Keys: payment.Kind == PaymentKind.Key ? 1 : 0,
            Renewals: payment.Kind == PaymentKind.Renewal ? 1 : 0));

        var amount = payment.Amount ?? 0;
        var recurring = payment.Kind is PaymentKind.Subscription or PaymentKind.Renewal;
        yield return new RollupContribution(payment.Date, CurrencyOf(payment), new RollupMetrics(Revenue: amount, RecurringRevenue: recurring ? amount : 0));
    }

    /// <summary>One subscriber's subscriptions, given the moment of their latest <c>PAID</c> payment.</summary>
    private static IEnumerable<RollupContribution> OfSubscriber(List<Subscription> subscriptions, DateTimeOffset? paidUntil)
    {
        var latestStart = subscriptions.Max(s => s.StartDate);
        foreach (var subscription in subscriptions)
        {
            var trial = subscription.IsTrial == true;
            var converted = trial && paidUntil is { } paid && paid >= subscription.StartDate;
            yield return new RollupContribution(subscription.StartDate, NoCurrency, new RollupMetrics(AllSubscriptions: 1, Trials: trial ? 1 : 0, ConvertedTrials: converted ? 1 : 0));

            if (subscription.StopDate is { } stop && subscription.StartDate >= latestStart)
            {
                yield return new RollupContribution(stop, NoCurrency, new RollupMetrics(Churned: 1));
            }
        }

        if (subscriptions[0].UserId is not null && subscriptions.Any(s => s.Status == Subscription.ActiveStatus))
        {
            yield return new RollupContribution(null, NoCurrency, new RollupMetrics(ActiveUsers: 1));
        }
    }

    /// <summary>
    /// Sums contributions per rollup row: each one into its bucket and into its currency's timeless
    /// row (<see cref="RollupBuckets.AllTime"/>); contributions without an instant into the timeless row only.
    /// </summary>
    public static Dictionary<RollupKey, RollupMetrics> ByRow(IEnumerable<RollupContribution> contributions, int sign = 1)
    {
        var rows = new Dictionary<RollupKey, RollupMetrics>();
        foreach (var contribution in contributions)
        {
            var metrics = sign < 0 ? -contribution.Metrics : contribution.Metrics;
            if (contribution.At is { } at)
            {
                Add(rows, new RollupKey(RollupBuckets.Of(at), contribution.Currency), metrics);
            }

            Add(rows, new RollupKey(RollupBuckets.AllTime, contribution.Currency), metrics);
        }

        return rows;
    }

    /// <summary>Adds <paramref name="metrics"/> to the row <paramref name="key"/> of <paramref name="rows"/>.</summary>
    public static void Add(Dictionary<RollupKey, RollupMetrics> rows, RollupKey key, RollupMetrics metrics) =>
        rows[key] = rows.TryGetValue(key, out var sum) ? sum + metrics : metrics;
}

/// <summary>One rollup row of a bot: a bucket (or <see cref="RollupBuckets.AllTime"/>) and a currency.</summary>
public readonly record struct RollupKey(DateTimeOffset Bucket, string Currency);
