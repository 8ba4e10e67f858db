using System.Globalization;
using System.Net;

namespace CleanGames.IntegrationTests.BotAnalytics;

/// <summary>A bot's records as a test sends them (wire names in snake_case), and the latest state of each key.</summary>
public sealed record UserRecord(long UserId, DateTimeOffset RegDate);

public sealed record PaymentRecord(string BillId, long? UserId, decimal? Amount, string? Currency, string? Status, DateTimeOffset Date, string? Kind);

public sealed record SubscriptionRecord(string SubUid, long? UserId, string? Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, bool? IsTrial);

/// <summary>
/// What the dashboard should show, computed here from the records the test sent, by the definitions
/// in docs/analytics.md, with nothing of the server's code: the reference the rollups must equal.
/// </summary>
public sealed class BotData
{
    public Dictionary<long, UserRecord> Users { get; } = [];

    public Dictionary<string, PaymentRecord> Payments { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, SubscriptionRecord> Subscriptions { get; } = new(StringComparer.Ordinal);

    /// <summary>Remembers a batch as sent: the later record of a key wins, as on the server.</summary>
    public object Batch(IEnumerable<UserRecord>? users = null, IEnumerable<PaymentRecord>? payments = null, IEnumerable<SubscriptionRecord>? subscriptions = null)
    {
        var u = (users ?? []).ToList();
        var p = (payments ?? []).ToList();
        var s = (subscriptions ?? []).ToList();
        u.ForEach(r => Users[r.UserId] = r);
        p.ForEach(r => Payments[r.BillId] = r);
        s.ForEach(r => Subscriptions[r.SubUid] = r);
        return new { users = u, payments = p, subscriptions = s };
    }

    public static DateOnly DayIn(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, zone).DateTime);

    private IEnumerable<PaymentRecord> Paid => Payments.Values.Where(p => p.Status == "PAID");

    /// <summary>One row per day: date, registrations, payments, trials, keys, renewals.</summary>
    public (string Date, long Registrations, long Payments, long Trials, long Keys, long Renewals)[] Series(DateOnly start, DateOnly end, TimeZoneInfo zone) =>
        [.. Enumerable.Range(0, end.DayNumber - start.DayNumber + 1).Select(start.AddDays).Select(day => (
            day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            (long)Users.Values.Count(u => DayIn(u.RegDate, zone) == day),
            (long)Paid.Count(p => DayIn(p.Date, zone) == day),
            (long)Subscriptions.Values.Count(s => s.IsTrial == true && DayIn(s.StartDate, zone) == day),
            (long)Paid.Count(p => p.Kind == "key" && DayIn(p.Date, zone) == day),
            (long)Paid.Count(p => p.Kind == "renewal" && DayIn(p.Date, zone) == day)))];

    /// <summary>The summary at <paramref name="now"/>: "month" is the 30 calendar days ending today in <paramref name="zone"/>.</summary>
    public ExpectedSummary Summary(DateTimeOffset now, TimeZoneInfo zone)
    {
        var today = DayIn(now, zone);
        bool InMonth(DateTimeOffset t) => DayIn(t, zone) is var d && d > today.AddDays(-30) && d <= today;
        static string CurrencyOf(PaymentRecord p) => string.IsNullOrEmpty(p.Currency) ? "XXX" : p.Currency;

        var priced = Paid.Where(p => p.Amount is not null).ToList();
        var byCurrency = Paid.GroupBy(CurrencyOf).Where(g => g.Sum(p => p.Amount ?? 0) != 0).ToDictionary(g => g.Key, g => g.Sum(p => p.Amount ?? 0));
        var mrr = byCurrency.Keys.ToDictionary(
            c => c,
            c => Paid.Where(p => CurrencyOf(p) == c && p.Kind is "subscription" or "renewal" && InMonth(p.Date)).Sum(p => p.Amount ?? 0));
        var subscriptions = Subscriptions.Values.ToList();
        var churned = subscriptions.Count(s => s.StopDate is { } stop && InMonth(stop)
            && !(s.UserId is not null && subscriptions.Any(o => !ReferenceEquals(o, s) && o.UserId == s.UserId && o.StartDate > s.StartDate)));
        var trials = subscriptions.Where(s => s.IsTrial == true && InMonth(s.StartDate)).ToList();
        var converted = trials.Count(s => s.UserId is not null && Paid.Any(p => p.UserId == s.UserId && p.Date >= s.StartDate));
        return new ExpectedSummary(
            Users.Count,
            subscriptions.Where(s => s.Status == "Active" && s.UserId is not null).Select(s => s.UserId).Distinct().Count(),
            Users.Values.Count(u => InMonth(u.RegDate)),
            Paid.Sum(p => p.Amount ?? 0),
            Paid.Where(p => InMonth(p.Date)).Sum(p => p.Amount ?? 0),
            priced.Count == 0 ? 0 : decimal.Round(priced.Sum(p => p.Amount!.Value) / priced.Count, 4, MidpointRounding.AwayFromZero),
            byCurrency,
            mrr,
            churned,
            trials.Count == 0 ? null : decimal.Round(converted / (decimal)trials.Count, 4, MidpointRounding.AwayFromZero));
    }
}

public sealed record ExpectedSummary(
    long TotalUsers,
    long ActiveUsers,
    long NewUsersMonth,
    decimal TotalRevenue,
    decimal MonthlyRevenue,
    decimal AverageCheck,
    Dictionary<string, decimal> RevenueByCurrency,
    Dictionary<string, decimal> Mrr,
    long ChurnedMonth,
    decimal? TrialConversion);
