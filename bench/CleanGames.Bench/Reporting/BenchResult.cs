using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Load;
using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench.Reporting;

internal sealed record MachineInfo(int ProcessorCount, string Os);

/// <summary>CPU of one side's server and load generator over its pooled measured windows, in % of one core.</summary>
/// <param name="ServerCoresBusyPct">How busy the server's cores were with anything, % of those cores (null when unknown).</param>
/// <param name="GeneratorCoresBusyPct">How busy the generator's cores were with anything, % of those cores.</param>
internal sealed record SideCpu(double ServerPct, double GeneratorPct, double? ServerCoresBusyPct, double? GeneratorCoresBusyPct)
{
    public static SideCpu From(CpuSample cpu) => new(
        Math.Round(cpu.ServerPercent, 1),
        Math.Round(cpu.GeneratorPercent, 1),
        BenchResult.Round1(cpu.ServerCoresBusyPercent),
        BenchResult.Round1(cpu.GeneratorCoresBusyPercent));
}

/// <summary>Both sides' CPU use and the cores each role could use (the unit is % of one core: 200 is two cores busy).</summary>
internal sealed record CpuReport(int ServerCores, int GeneratorCores, SideCpu CleanGames, SideCpu Baseline);

/// <summary>One measured round as the JSON line reports it.</summary>
internal sealed record RoundReport(ServerTarget Server, int Round, double OpsPerSec, double P99Ms, double ServerCpuPct, double GeneratorCpuPct, double? ServerCoresBusyPct, double? GeneratorCoresBusyPct, bool Counts, string? NotCounting)
{
    public static RoundReport From(MeasuredRound round) => new(
        round.Target,
        round.Number,
        Math.Round(round.Result.OpsPerSec, 1),
        Math.Round(round.Result.Latency.P99Ms, 3),
        Math.Round(round.Result.Cpu.ServerPercent, 1),
        Math.Round(round.Result.Cpu.GeneratorPercent, 1),
        BenchResult.Round1(round.Result.Cpu.ServerCoresBusyPercent),
        BenchResult.Round1(round.Result.Cpu.GeneratorCoresBusyPercent),
        round.Counts,
        round.NotCounting);
}

/// <summary>The one JSON line a run prints; property names become snake_case on the wire.</summary>
internal sealed record BenchResult(
    string Scenario,
    BaselineKind BaselineKind,
    double OpsPerSec,
    double P50Ms,
    double P95Ms,
    double P99Ms,
    long Requests,
    long Errors,
    double BaselineOpsPerSec,
    double BaselineP50Ms,
    double BaselineP95Ms,
    double BaselineP99Ms,
    long BaselineRequests,
    long BaselineErrors,
    double Ratio,
    double GoalRatio,
    double? GoalP99Factor,
    double? GoalP99Ms,
    bool GoalMet,
    IReadOnlyDictionary<string, string>? RaisedLimits,
    int Connections,
    double Seconds,
    double WarmupSeconds,
    MachineInfo Machine,
    string Timestamp,
    bool Counts,
    string LoadGenerator,
    string Pinning,
    CpuReport Cpu,
    IReadOnlyList<RoundReport> Rounds)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        // A line for a terminal and for scripts, never for HTML: "debian/4.1.0-3+b2" stays readable.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // A scenario without a latency goal or raised limits prints the same line as before they existed.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>
    /// Pools each side's rounds that count (see <see cref="MeasuredRound.Pool"/>). The run counts, and can
    /// meet its goal, only if each side has at least one round in which the server, not the load
    /// generator, was the limit.
    /// </summary>
    public static BenchResult Create(IScenario scenario, LoadSettings settings, IReadOnlyList<MeasuredRound> targetRounds, IReadOnlyList<MeasuredRound> baselineRounds, LoadGenerator generator, CorePlan plan, DateTimeOffset at)
    {
        var (target, targetCounts) = MeasuredRound.Pool(targetRounds);
        var (baseline, baselineCounts) = MeasuredRound.Pool(baselineRounds);
        var counts = targetCounts && baselineCounts;
        // From the unrounded figures, so rounding never moves a ratio across its goal.
        var ratio = baseline.OpsPerSec > 0 ? target.OpsPerSec / baseline.OpsPerSec : 0;
        var p99Met = (scenario.GoalP99Factor is not { } factor || target.Latency.P99Ms <= factor * baseline.Latency.P99Ms)
                     && (scenario.GoalP99Ms is not { } limit || target.Latency.P99Ms < limit);
        return new BenchResult(
            scenario.Name,
            scenario.Baseline,
            Ops(target.OpsPerSec),
            Ms(target.Latency.P50Ms),
            Ms(target.Latency.P95Ms),
            Ms(target.Latency.P99Ms),
            target.Requests,
            target.Errors,
            Ops(baseline.OpsPerSec),
            Ms(baseline.Latency.P50Ms),
            Ms(baseline.Latency.P95Ms),
            Ms(baseline.Latency.P99Ms),
            baseline.Requests,
            baseline.Errors,
            Math.Round(ratio, 3),
            scenario.GoalRatio,
            scenario.GoalP99Factor,
            scenario.GoalP99Ms,
            counts && ratio >= scenario.GoalRatio && p99Met,
            scenario.RaisedLimits.Count > 0 ? scenario.RaisedLimits : null,
            settings.Connections,
            // What was really measured: wrk takes whole seconds per round.
            Math.Round(target.Seconds, 2),
            settings.Warmup.TotalSeconds,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            counts,
            generator.Description,
            plan.Description,
            new CpuReport(generator.Budget.ServerCores, generator.Budget.GeneratorCores, SideCpu.From(target.Cpu), SideCpu.From(baseline.Cpu)),
            [.. targetRounds.Concat(baselineRounds).OrderBy(r => r.Number).ThenBy(r => r.Target).Select(RoundReport.From)]);
    }

    /// <summary>Rounds that did not count, per side, e.g. "baseline 1, 3 of 4"; empty when every round counted.</summary>
    public string RoundsNotCounting()
    {
        var parts = new[] { ServerTarget.CleanGames, ServerTarget.Baseline }
            .Select(side => (Side: side, All: Rounds.Count(r => r.Server == side), Out: Rounds.Where(r => r.Server == side && !r.Counts).Select(r => r.Round).ToList()))
            .Where(s => s.Out.Count > 0)
            .Select(s => $"{SideName(s.Side)} {string.Join(", ", s.Out)} of {s.All}");
        return string.Join("; ", parts);
    }

    /// <summary>The closing progress line: each side's CPU, and whether the run counts.</summary>
    public string CpuSummary()
    {
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"CPU, % of one core (server on {Cpu.ServerCores}, load generator on {Cpu.GeneratorCores}): CleanGames server {Cpu.CleanGames.ServerPct:0} / generator {Cpu.CleanGames.GeneratorPct:0}, baseline server {Cpu.Baseline.ServerPct:0} / generator {Cpu.Baseline.GeneratorPct:0}; "
            + $"cores busy with anything, % (server's / generator's): CleanGames {Busy(Cpu.CleanGames.ServerCoresBusyPct)} / {Busy(Cpu.CleanGames.GeneratorCoresBusyPct)}, baseline {Busy(Cpu.Baseline.ServerCoresBusyPct)} / {Busy(Cpu.Baseline.GeneratorCoresBusyPct)}");
        var excluded = RoundsNotCounting();
        return excluded.Length == 0
            ? $"{summary}; every round counts"
            : Counts
                ? $"{summary}; rounds not counting (load generator saturated first), left out of the figures: {excluded}"
                : $"{summary}; THE RUN DOES NOT COUNT: the load generator saturated first in every round of a side ({excluded})";
    }

    /// <summary>A busy percentage for a log line or a row; "?" when /proc/stat could not be read.</summary>
    public static string Busy(double? percent) => percent?.ToString("0", CultureInfo.InvariantCulture) ?? "?";

    public static double? Round1(double? value) => value is { } v ? Math.Round(v, 1) : null;

    public static string SideName(ServerTarget target) => target == ServerTarget.CleanGames ? "CleanGames" : "baseline";

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary><c>Key=value</c> pairs in the configuration's own spelling, for the log and the results table.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> settings) =>
        string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));

    private static double Ops(double value) => Math.Round(value, 1);

    private static double Ms(double value) => Math.Round(value, 3);
}
