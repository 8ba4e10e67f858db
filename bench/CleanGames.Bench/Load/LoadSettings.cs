namespace CleanGames.Bench.Load;

internal sealed record LoadSettings(int Connections, TimeSpan Warmup, TimeSpan Duration);

/// <param name="Cpu">What the server and the load generator spent over the measured window.</param>
internal sealed record LoadResult(long Requests, long Errors, double Seconds, LatencySummary Latency, IReadOnlyList<List<long>> Samples, CpuSample Cpu)
{
    public double OpsPerSec => Seconds > 0 ? Requests / Seconds : 0;

    /// <summary>Several measured windows of one server as one: operations, seconds and CPU time add up, latencies pool.</summary>
    public static LoadResult Combine(IReadOnlyList<LoadResult> rounds) => new(
        rounds.Sum(r => r.Requests),
        rounds.Sum(r => r.Errors),
        rounds.Sum(r => r.Seconds),
        LatencyStats.Summarize(rounds.SelectMany(r => r.Samples).ToList()),
        rounds.SelectMany(r => r.Samples).ToList(),
        CpuSample.Sum(rounds.Select(r => r.Cpu)));
}
