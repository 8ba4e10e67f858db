namespace CleanGames.Bench.Load;

internal sealed record LoadSettings(int Connections, TimeSpan Warmup, TimeSpan Duration);

internal sealed record LoadResult(long Requests, long Errors, double Seconds, LatencySummary Latency, IReadOnlyList<List<long>> Samples)
{
    public double OpsPerSec => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Several measured windows of one server as one: operations and seconds add up, latencies pool.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> rounds) => new(
        rounds.Sum(r => r.Requests),
        rounds.Sum(r => r.Errors),
        rounds.Sum(r => r.Seconds),
        LatencyStats.Summarize(rounds.SelectMany(r => r.Samples).ToList()),
        rounds.SelectMany(r => r.Samples).ToList());
}
