namespace CleanGames.Domain.BotAnalytics.Rollups;

/// <summary>
/// What the dashboard counts and sums, for one stretch of time and one currency. Every field is
/// additive, so a rollup is the sum of its records' contributions and an upsert moves a record's
/// contribution by adding the difference between its new and its old one. Money is in
/// <see cref="Records.Amount"/> units (ten-thousandths). <see cref="AllPayments"/> and
/// <see cref="AllSubscriptions"/> count every record whatever its status, for the lists' totals.
/// </summary>
public readonly record struct RollupMetrics(
    long Registrations = 0,
    long Payments = 0,
    long PricedPayments = 0,
    long Revenue = 0,
    long RecurringRevenue = 0,
    long Keys = 0,
    long Renewals = 0,
    long Trials = 0,
    long ConvertedTrials = 0,
    long Churned = 0,
    long ActiveUsers = 0,
    long AllPayments = 0,
    long AllSubscriptions = 0)
{
    public static readonly RollupMetrics Zero = default;

    public bool IsZero => this == Zero;

    public static RollupMetrics operator +(RollupMetrics a, RollupMetrics b) => new(
        a.Registrations + b.Registrations,
        a.Payments + b.Payments,
        a.PricedPayments + b.PricedPayments,
        a.Revenue + b.Revenue,
        a.RecurringRevenue + b.RecurringRevenue,
        a.Keys + b.Keys,
        a.Renewals + b.Renewals,
        a.Trials + b.Trials,
        a.ConvertedTrials + b.ConvertedTrials,
        a.Churned + b.Churned,
        a.ActiveUsers + b.ActiveUsers,
        a.AllPayments + b.AllPayments,
        a.AllSubscriptions + b.AllSubscriptions);

    public static RollupMetrics operator -(RollupMetrics value) => new(
        -value.Registrations,
        -value.Payments,
        -value.PricedPayments,
        -value.Revenue,
        -value.RecurringRevenue,
        -value.Keys,
        -value.Renewals,
        -value.Trials,
        -value.ConvertedTrials,
        -value.Churned,
        -value.ActiveUsers,
        -value.AllPayments,
        -value.AllSubscriptions);

    public static RollupMetrics operator -(RollupMetrics a, RollupMetrics b) => a + -b;
}
