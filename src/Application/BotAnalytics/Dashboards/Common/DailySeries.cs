using System.Globalization;
using CleanGames.Application.BotAnalytics.Common;

namespace CleanGames.Application.BotAnalytics.Dashboards.Common;

/// <summary>What <c>compare</c> puts beside each day of the analytics series.</summary>
public static class Comparisons
{
    /// <summary>The days just before the range, as many as it has.</summary>
    public const string PreviousPeriod = "previous_period";

    /// <summary>The same calendar date a year earlier (29 February: 28 February).</summary>
    public const string PreviousYear = "previous_year";

    public static bool IsKnown(string? name) => name is null or PreviousPeriod or PreviousYear;
}

/// <summary>
/// Seed 003 <c>/api/analytics</c> row: one day's counts. <see cref="Previous"/> is set only when a
/// comparison was asked for.
/// </summary>
public sealed record AnalyticsDay(string Date, long Registrations, long Payments, long Trials, long Keys, long Renewals)
{
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public AnalyticsDay? Previous { get; init; }
}

/// <summary>The daily series of a bot, zero-filled, from its rollups (<see cref="RollupSums"/>).</summary>
public sealed class DailySeries(RollupSums sums)
{
    public async Task<IReadOnlyList<AnalyticsDay>> OfAsync(long botId, DateOnly start, DateOnly end, TimeZoneInfo zone, string? compare, CancellationToken cancellationToken)
    {
        var days = await DaysAsync(botId, start, end, zone, cancellationToken);
        if (compare is null)
        {
            return days;
        }

        if (compare == Comparisons.PreviousPeriod)
        {
            var length = end.DayNumber - start.DayNumber + 1;
            var previous = await DaysAsync(botId, start.AddDays(-length), start.AddDays(-1), zone, cancellationToken);
            return [.. days.Select((day, i) => day with { Previous = previous[i] })];
        }

        var lastYear = (await DaysAsync(botId, start.AddYears(-1), end.AddYears(-1), zone, cancellationToken)).ToDictionary(d => d.Date, StringComparer.Ordinal);
        return [.. days.Select(day => day with { Previous = lastYear[Format(DateOnly.ParseExact(day.Date, DateFormat, CultureInfo.InvariantCulture).AddYears(-1))] })];
    }

    private const string DateFormat = "yyyy-MM-dd";

    private static string Format(DateOnly day) => day.ToString(DateFormat, CultureInfo.InvariantCulture);

    private async Task<AnalyticsDay[]> DaysAsync(long botId, DateOnly start, DateOnly end, TimeZoneInfo zone, CancellationToken cancellationToken)
    {
        var counts = await sums.CountsAsync(botId, DayRange.Boundaries(start, end, zone), cancellationToken);
        return [.. DayRange.Days(start, end).Select((day, i) => new AnalyticsDay(
            Format(day), counts[i].Registrations, counts[i].Payments, counts[i].Trials, counts[i].Keys, counts[i].Renewals))];
    }
}
