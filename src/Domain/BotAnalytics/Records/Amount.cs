namespace CleanGames.Domain.BotAnalytics.Records;

/// <summary>
/// Money as stored: an integer count of ten-thousandths (four decimal places), so sums and ranges
/// stay exact and in the database. An amount with more decimal places is refused, never rounded.
/// </summary>
public static class Amount
{
    public const int DecimalPlaces = 4;
    public const long UnitsPerWhole = 10_000;

    /// <summary>The largest amount that fits (about 922 trillion).</summary>
    public const decimal Max = long.MaxValue / UnitsPerWhole;

    /// <summary>True when <paramref name="value"/> has at most four decimal places and fits.</summary>
    public static bool IsRepresentable(decimal value) =>
        Math.Abs(value) <= Max && decimal.Round(value, DecimalPlaces) == value;

    public static long ToUnits(decimal value) =>
        IsRepresentable(value)
            ? (long)(value * UnitsPerWhole)
            : throw new ArgumentOutOfRangeException(nameof(value), value, "An amount has at most four decimal places.");

    /// <summary>The amount as a decimal without trailing zeros (<c>199.5</c>, <c>200</c>).</summary>
    public static decimal FromUnits(long units) => (units / (decimal)UnitsPerWhole) / 1.0000000000000000000000000000m;
}
