namespace CleanGames.Domain.BotAnalytics.Rollups;

/// <summary>
/// Rollups are kept per bot in 15-minute buckets of UTC time. Every time zone in use today is a whole
/// number of quarter hours away from UTC, so a day in any zone is a whole number of buckets; a
/// stretch that does not start or end on a bucket boundary is read from the records for its partial
/// edges. Besides the buckets each bot has one timeless row per currency (<see cref="AllTime"/>)
/// holding the sums over all time and the metrics that describe the present (active users).
/// </summary>
public static class RollupBuckets
{
    public static readonly TimeSpan Width = TimeSpan.FromMinutes(15);

    /// <summary>The start of the timeless row: earlier than any bucket a record can fall in.</summary>
    public static readonly DateTimeOffset AllTime = DateTimeOffset.MinValue;

    /// <summary>The start (UTC) of the bucket holding <paramref name="instant"/>.</summary>
    public static DateTimeOffset Of(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        return new DateTimeOffset(ticks - (ticks % Width.Ticks), TimeSpan.Zero);
    }

    /// <summary>The first bucket boundary at or after <paramref name="instant"/>.</summary>
    public static DateTimeOffset CeilingOf(DateTimeOffset instant)
    {
        var floor = Of(instant);
        return floor == instant ? floor : floor + Width;
    }

    public static bool IsBoundary(DateTimeOffset instant) => instant.UtcTicks % Width.Ticks == 0;
}
