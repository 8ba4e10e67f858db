using System.Diagnostics;
using System.Globalization;

namespace CleanGames.Bench.Load;

/// <summary>CPU seconds the server and the load generator used over <see cref="WallSeconds"/> of a measured window.</summary>
internal readonly record struct CpuSample(double WallSeconds, double ServerSeconds, double GeneratorSeconds)
{
    /// <summary>Server CPU as % of one core: 100 is one core kept busy for the whole window, 200 two.</summary>
    public double ServerPercent => Percent(ServerSeconds);

    /// <summary>Load generator CPU as % of one core.</summary>
    public double GeneratorPercent => Percent(GeneratorSeconds);

    /// <summary>Several windows as one: CPU and wall time add up, so the percentages are time-weighted.</summary>
    public static CpuSample Sum(IEnumerable<CpuSample> samples) =>
        samples.Aggregate(default(CpuSample), (a, b) => new CpuSample(a.WallSeconds + b.WallSeconds, a.ServerSeconds + b.ServerSeconds, a.GeneratorSeconds + b.GeneratorSeconds));

    /// <summary>The bench's own CPU time: it is the load generator when the clients run in-process.</summary>
    public static TimeSpan SelfCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    private double Percent(double seconds) => WallSeconds > 0 ? 100 * seconds / WallSeconds : 0;
}

/// <summary>
/// How much CPU each side may use, and the rule that says a round measured the load generator rather
/// than the server. A closed-loop client that runs out of CPU caps the rate it offers, so the round's
/// ops/s is the client's limit and a ratio built on it says nothing about the server.
/// </summary>
/// <param name="ServerCores">Cores the server may run on.</param>
/// <param name="GeneratorCores">Cores the generator can use: its cores, or fewer when it runs fewer threads (wrk).</param>
/// <param name="Shared">Whether server and generator run on the same cores (not pinned).</param>
/// <param name="MachineCores">Every core the bench may use.</param>
internal sealed record CpuBudget(int ServerCores, int GeneratorCores, bool Shared, int MachineCores)
{
    /// <summary>A side using at least this share of the cores it may use is saturated; below it, it has headroom.</summary>
    public const double SaturatedShare = 0.9;

    /// <summary>
    /// Why a round does not count, or null when it does. It does not count when the generator saturated
    /// before the server: the generator used ≥ 90% of the cores it can use while the server used < 90%
    /// of its own. On shared cores, also when the cores were ≥ 90% busy in all and the generator used at
    /// least as much CPU as the server: there it is the generator that took the server's CPU away.
    /// </summary>
    public string? WhyNotCounting(CpuSample cpu)
    {
        var generatorShare = cpu.GeneratorPercent / (100.0 * GeneratorCores);
        var serverShare = cpu.ServerPercent / (100.0 * ServerCores);
        if (generatorShare >= SaturatedShare && serverShare < SaturatedShare)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"load generator saturated: {cpu.GeneratorPercent:0}% of {Cores(GeneratorCores)} while the server used {cpu.ServerPercent:0}% of {Cores(ServerCores)}");
        }

        var machineShare = (cpu.GeneratorPercent + cpu.ServerPercent) / (100.0 * MachineCores);
        if (Shared && machineShare >= SaturatedShare && cpu.GeneratorPercent >= cpu.ServerPercent)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"load generator saturated: the {Cores(MachineCores)} shared by both were full and it used {cpu.GeneratorPercent:0}% against the server's {cpu.ServerPercent:0}%");
        }

        return null;
    }

    private static string Cores(int count) => count == 1 ? "1 core" : $"{count} cores";
}
