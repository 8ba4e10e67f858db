using CleanGames.Domain.BotAnalytics.Rollups;

namespace CleanGames.Application.BotAnalytics.Dashboards.Common;

/// <summary>
/// Sums of a bot's rollup rows computed in the database, so a summary over a month of 15-minute
/// buckets reads one row per currency rather than every bucket.
/// </summary>
public interface IRollupTotals
{
    /// <summary>The rows of the buckets starting in [<paramref name="from"/>, <paramref name="before"/>), summed per currency.</summary>
    Task<Dictionary<string, RollupMetrics>> SumByCurrencyAsync(long botId, DateTimeOffset from, DateTimeOffset before, CancellationToken cancellationToken);
}
