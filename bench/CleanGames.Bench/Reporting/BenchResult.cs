using System.Globalization;
using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleanGames.Bench.Load;
using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench.Reporting;

internal sealed record MachineInfo(int ProcessorCount, string Os);

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
    string Timestamp)
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
        // A scenario without a latency goal or raised limits prints the same line as before they existed.
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static BenchResult Create(IScenario scenario, LoadSettings settings, LoadResult target, LoadResult baseline, DateTimeOffset at)
    {
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
            ratio >= scenario.GoalRatio && p99Met,
            scenario.RaisedLimits.Count > 0 ? scenario.RaisedLimits : null,
            settings.Connections,
            settings.Duration.TotalSeconds,
            settings.Warmup.TotalSeconds,
            new MachineInfo(Environment.ProcessorCount, RuntimeInformation.OSDescription),
            at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }

    public string ToJsonLine() => JsonSerializer.Serialize(this, Json);

    /// <summary><c>Key=value</c> pairs in the configuration's own spelling, for the log and the results table.</summary>
    public static string Describe(IReadOnlyDictionary<string, string> settings) =>
        string.Join(", ", settings.Select(s => $"{s.Key}={s.Value}"));

    private static double Ops(double value) => Math.Round(value, 1);

    private static double Ms(double value) => Math.Round(value, 3);
}
