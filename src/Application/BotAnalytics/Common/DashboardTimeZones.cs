using System.Text.RegularExpressions;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>
/// The dashboard's <c>tz</c>: an IANA time zone name (<c>Europe/Moscow</c>, <c>Asia/Kolkata</c>),
/// <c>UTC</c> by default, in which days begin at local midnight.
/// </summary>
public static partial class DashboardTimeZones
{
    public const string Default = "UTC";

    /// <summary>True for a name the server knows; the name is checked for shape before any lookup.</summary>
    public static bool IsKnown(string? name) => TryFind(name, out _);

    /// <summary>The zone of <paramref name="name"/>; null or empty is <see cref="Default"/>.</summary>
    public static bool TryFind(string? name, out TimeZoneInfo zone)
    {
        zone = TimeZoneInfo.Utc;
        if (string.IsNullOrEmpty(name) || name == Default)
        {
            return true;
        }

        return IanaName().IsMatch(name) && TimeZoneInfo.TryFindSystemTimeZoneById(name, out zone!);
    }

    public static TimeZoneInfo Find(string? name) =>
        TryFind(name, out var zone) ? zone : throw new ArgumentException($"Unknown time zone '{name}'.", nameof(name));

    /// <summary>
    /// The instant <paramref name="day"/> begins in <paramref name="zone"/>: local midnight, or, where
    /// a clock change skips midnight, the first local moment that exists; where midnight happens twice,
    /// the first of them.
    /// </summary>
    public static DateTimeOffset StartOfDay(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        TimeSpan offset;
        if (zone.IsInvalidTime(local))
        {
            do
            {
                local = local.AddMinutes(1);
            }
            while (zone.IsInvalidTime(local));

            offset = zone.GetUtcOffset(local);
        }
        else
        {
            offset = zone.IsAmbiguousTime(local) ? zone.GetAmbiguousTimeOffsets(local).Max() : zone.GetUtcOffset(local);
        }

        return new DateTimeOffset(local.Ticks - offset.Ticks, TimeSpan.Zero);
    }

    /// <summary>The calendar day it is in <paramref name="zone"/> at <paramref name="now"/>.</summary>
    public static DateOnly Today(DateTimeOffset now, TimeZoneInfo zone) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);

    [GeneratedRegex("^[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,2}$")]
    private static partial Regex IanaName();
}
