using System.Diagnostics;

namespace CleanGames.Bench.Load;

internal sealed record LatencySummary(double P50Ms, double P95Ms, double P99Ms, double MaxMs);

internal static class LatencyStats
{
    /// <summary>Exact percentiles (nearest rank) over every measured operation; a few million longs sort in well under a second.</summary>
    public static LatencySummary Summarize(IReadOnlyCollection<List<long>> perWorkerTicks)
    {
        var all = new long[perWorkerTicks.Sum(l => l.Count)];
        var offset = 0;
        foreach (var ticks in perWorkerTicks)
        {
            ticks.CopyTo(all, offset);
            offset += ticks.Count;
        }

        Array.Sort(all);
        return new LatencySummary(Percentile(all, 50), Percentile(all, 95), Percentile(all, 99), all.Length == 0 ? 0 : ToMs(all[^1]));
    }

    private static double Percentile(long[] sorted, double percent)
    {
        if (sorted.Length == 0)
        {
            return 0;
        }

        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return ToMs(sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)]);
    }

    private static double ToMs(long ticks) => ticks * 1000.0 / Stopwatch.Frequency;
}
