using System.Diagnostics;
using System.Globalization;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Reporting;

namespace CleanGames.Bench.Load;

/// <summary>
/// What the server and the load generator used over <see cref="WallSeconds"/> of a measured window:
/// their own CPU seconds, and how busy the cores each may run on were, by any process. The second
/// tells a role that had nothing more to do from one that other work on the machine crowded out.
/// </summary>
/// <param name="ServerCoresBusySeconds">Busy share of the server's cores × wall seconds; null when /proc/stat cannot be read.</param>
/// <param name="GeneratorCoresBusySeconds">Busy share of the generator's cores × wall seconds; null when /proc/stat cannot be read.</param>
internal readonly record struct CpuSample(double WallSeconds, double ServerSeconds, double GeneratorSeconds, double? ServerCoresBusySeconds, double? GeneratorCoresBusySeconds)
{
    /// <summary>Server CPU as % of one core: 100 is one core kept busy for the whole window, 200 two.</summary>
    public double ServerPercent => Percent(ServerSeconds);

    /// <summary>Load generator CPU as % of one core.</summary>
    public double GeneratorPercent => Percent(GeneratorSeconds);

    /// <summary>How busy the server's cores were, by anyone, as % of those cores (100 = all of them full).</summary>
    public double? ServerCoresBusyPercent => ServerCoresBusySeconds is { } busy ? Percent(busy) : null;

    /// <summary>How busy the generator's cores were, by anyone, as % of those cores.</summary>
    public double? GeneratorCoresBusyPercent => GeneratorCoresBusySeconds is { } busy ? Percent(busy) : null;

    /// <summary>Several windows as one: seconds add up, so the percentages are time-weighted.</summary>
    public static CpuSample Sum(IEnumerable<CpuSample> samples) =>
        samples.Aggregate(new CpuSample(0, 0, 0, 0, 0), (a, b) => new CpuSample(
            a.WallSeconds + b.WallSeconds,
            a.ServerSeconds + b.ServerSeconds,
            a.GeneratorSeconds + b.GeneratorSeconds,
            a.ServerCoresBusySeconds + b.ServerCoresBusySeconds,
            a.GeneratorCoresBusySeconds + b.GeneratorCoresBusySeconds));

    private double Percent(double seconds) => WallSeconds > 0 ? 100 * seconds / WallSeconds : 0;
}

/// <summary>
/// A measured window, opened and closed at its two edges: the server's CPU time (which the runtime
/// reads from <c>/proc/&lt;pid&gt;/stat</c>), this process's (the in-process generator's), and the
/// per-core counters of <c>/proc/stat</c>, over the wall time between the two reads.
/// </summary>
internal sealed class CpuWindow
{
    private readonly RunningServer _server;
    private readonly CorePlan _plan;
    private readonly TimeSpan _serverStart;
    private readonly TimeSpan _selfStart;
    private readonly IReadOnlyDictionary<int, CoreTicks>? _coresStart;
    private readonly long _started;

    private CpuWindow(RunningServer server, CorePlan plan)
    {
        _server = server;
        _plan = plan;
        _coresStart = CoreTicks.Read();
        _serverStart = server.CpuTime;
        _selfStart = SelfCpuTime();
        _started = Stopwatch.GetTimestamp();
    }

    public static CpuWindow Open(RunningServer server, CorePlan plan) => new(server, plan);

    /// <param name="generatorSeconds">The generator's CPU seconds when it is another process (wrk reports its own); otherwise this process's.</param>
    public CpuSample Close(double? generatorSeconds = null)
    {
        var wall = Stopwatch.GetElapsedTime(_started).TotalSeconds;
        var server = (_server.CpuTime - _serverStart).TotalSeconds;
        var self = (SelfCpuTime() - _selfStart).TotalSeconds;
        var cores = CoreTicks.Read();
        return new CpuSample(
            wall,
            server,
            generatorSeconds ?? self,
            BusyShare(cores, _plan.ServerCpus ?? _plan.AllowedCpus) * wall,
            BusyShare(cores, _plan.GeneratorCpus ?? _plan.AllowedCpus) * wall);
    }

    /// <summary>The bench's own CPU time: it is the load generator when the clients run in-process.</summary>
    public static TimeSpan SelfCpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>Busy ÷ total ticks of <paramref name="cpus"/> over the window: a ratio, so the tick rate cancels out.</summary>
    private double? BusyShare(IReadOnlyDictionary<int, CoreTicks>? end, IReadOnlyList<int>? cpus)
    {
        if (_coresStart is null || end is null)
        {
            return null;
        }

        var ids = cpus ?? [CoreTicks.AllCores];
        long busy = 0, total = 0;
        foreach (var id in ids)
        {
            if (!_coresStart.TryGetValue(id, out var before) || !end.TryGetValue(id, out var after))
            {
                return null;
            }

            busy += after.Busy - before.Busy;
            total += after.Total - before.Total;
        }

        return total > 0 ? Math.Clamp((double)busy / total, 0, 1) : null;
    }

    /// <summary>One line of <c>/proc/stat</c>: busy is everything but idle and iowait.</summary>
    private readonly record struct CoreTicks(long Busy, long Total)
    {
        /// <summary>The key of the "cpu" line, the sum of every core.</summary>
        public const int AllCores = -1;

        public static IReadOnlyDictionary<int, CoreTicks>? Read()
        {
            try
            {
                var cores = new Dictionary<int, CoreTicks>();
                foreach (var line in File.ReadLines("/proc/stat"))
                {
                    if (!line.StartsWith("cpu", StringComparison.Ordinal))
                    {
                        continue;
                    }

                    var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                    var id = fields[0] == "cpu" ? AllCores : int.Parse(fields[0].AsSpan(3), CultureInfo.InvariantCulture);
                    // user nice system idle iowait irq softirq steal; guest time is already inside user and nice.
                    var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                    var total = ticks.Sum();
                    cores[id] = new CoreTicks(total - ticks[3] - (ticks.Length > 4 ? ticks[4] : 0), total);
                }

                return cores;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException or IndexOutOfRangeException)
            {
                // Not Linux: the run still reports each role's own CPU, only not how busy its cores were.
                return null;
            }
        }
    }
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
    /// <summary>A role, or its cores, at or above this share of what it may use is saturated; below it, it has headroom.</summary>
    public const double SaturatedShare = 0.9;

    /// <summary>
    /// Why a round does not count, or null when it does. It does not count when the generator saturated
    /// before the server: the generator could get no more CPU (it used ≥ 90% of what it can use, or its
    /// cores were ≥ 90% busy with anything) while the server had headroom (it used < 90% of its cores and
    /// they were < 90% busy). On shared cores, also when the cores were ≥ 90% busy and the generator used
    /// at least as much CPU as the server: there it is the generator that took the server's CPU away.
    /// </summary>
    public string? WhyNotCounting(CpuSample cpu)
    {
        var generatorShare = cpu.GeneratorPercent / (100.0 * GeneratorCores);
        var serverShare = cpu.ServerPercent / (100.0 * ServerCores);
        var generatorCoresFull = cpu.GeneratorCoresBusyPercent >= 100 * SaturatedShare;
        var serverCoresFull = cpu.ServerCoresBusyPercent >= 100 * SaturatedShare;
        if (!Shared && (generatorShare >= SaturatedShare || generatorCoresFull) && serverShare < SaturatedShare && !serverCoresFull)
        {
            var why = generatorShare >= SaturatedShare
                ? $"it used {cpu.GeneratorPercent:0}% of {Cores(GeneratorCores)}"
                : $"its cores were {cpu.GeneratorCoresBusyPercent:0}% busy (it used {cpu.GeneratorPercent:0}% of one core)";
            return string.Create(CultureInfo.InvariantCulture,
                $"load generator saturated: {why}, while the server used {cpu.ServerPercent:0}% of {Cores(ServerCores)}, its cores {cpu.ServerCoresBusyPercent?.ToString("0", CultureInfo.InvariantCulture) ?? "?"}% busy");
        }

        if (Shared && generatorShare >= SaturatedShare && serverShare < SaturatedShare)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"load generator saturated: it used {cpu.GeneratorPercent:0}% of {Cores(GeneratorCores)} while the server used {cpu.ServerPercent:0}% of {Cores(ServerCores)}");
        }

        var machineBusy = cpu.ServerCoresBusyPercent ?? (cpu.GeneratorPercent + cpu.ServerPercent) / MachineCores;
        if (Shared && machineBusy >= 100 * SaturatedShare && cpu.GeneratorPercent >= cpu.ServerPercent)
        {
            return string.Create(CultureInfo.InvariantCulture,
                $"load generator saturated: the {Cores(MachineCores)} shared by both were {machineBusy:0}% busy and it used {cpu.GeneratorPercent:0}% against the server's {cpu.ServerPercent:0}%");
        }

        return null;
    }

    /// <summary>The progress line of a scenario measured in one window (mafia-games, matchmaking): each role's CPU, how busy its cores were, and whether the window counts.</summary>
    public string Describe(CpuSample cpu, string? notCounting) =>
        string.Create(CultureInfo.InvariantCulture, $"CPU, % of one core: server {cpu.ServerPercent:0} (on {ServerCores}) / load generator {cpu.GeneratorPercent:0} (on {GeneratorCores}); ")
        + $"cores busy with anything: server's {BenchResult.Busy(cpu.ServerCoresBusyPercent)}, generator's {BenchResult.Busy(cpu.GeneratorCoresBusyPercent)}"
        + (notCounting is null ? "; the run counts" : $"; THE RUN DOES NOT COUNT: {notCounting}");

    private static string Cores(int count) => count == 1 ? "1 core" : $"{count} cores";
}
