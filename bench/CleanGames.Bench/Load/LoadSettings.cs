namespace CleanGames.Bench.Load;

internal sealed record LoadSettings(int Connections, TimeSpan Warmup, TimeSpan Duration);

internal sealed record LoadResult(long Requests, long Errors, double Seconds, LatencySummary Latency)
{
    public double OpsPerSec => Seconds > 0 ? Requests / Seconds : 0;
}
