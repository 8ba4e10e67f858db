using System.Globalization;
using System.Text;

namespace CleanGames.Bench.Reporting;

/// <summary>
/// Appends a run to the results table in docs/benchmarks.md. Rows are added at the end of the file,
/// so the table must stay the last thing in it.
/// </summary>
internal static class MarkdownLog
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static string Append(string repoRoot, BenchResult result, string commandLine)
    {
        var path = Path.Combine(repoRoot, "docs", "benchmarks.md");
        if (!File.Exists(path))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, Header, Encoding.UTF8);
        }

        var separator = EndsWithNewline(path) ? string.Empty : "\n";
        File.AppendAllText(path, separator + Row(result, commandLine) + "\n", Encoding.UTF8);
        return path;
    }

    public static string Row(BenchResult r, string commandLine)
    {
        var date = DateTimeOffset.Parse(r.Timestamp, Invariant).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
        var goal = string.Create(Invariant, $"ratio ≥ {r.GoalRatio:0.0##} ({(r.GoalMet ? "met" : "missed")})");
        string[] cells =
        [
            date,
            r.Scenario,
            r.Connections.ToString(Invariant),
            r.Seconds.ToString("0.##", Invariant),
            r.OpsPerSec.ToString("0.0", Invariant),
            r.P99Ms.ToString("0.000", Invariant),
            r.BaselineOpsPerSec.ToString("0.0", Invariant),
            r.BaselineP99Ms.ToString("0.000", Invariant),
            r.Ratio.ToString("0.000", Invariant),
            goal,
            // A pipe would end the cell even inside a code span.
            $"`{commandLine.Replace("|", "\\|", StringComparison.Ordinal)}`",
        ];
        return $"| {string.Join(" | ", cells)} |";
    }

    private static bool EndsWithNewline(string path)
    {
        using var stream = File.OpenRead(path);
        if (stream.Length == 0)
        {
            return true;
        }

        stream.Seek(-1, SeekOrigin.End);
        return stream.ReadByte() == '\n';
    }

    /// <summary>Kept identical to the top of docs/benchmarks.md, which it recreates if the file is deleted.</summary>
    private const string Header = """
        # Benchmarks

        Figures from the harness in `bench/CleanGames.Bench`. Each run builds the WebApi in Release,
        starts it as a child process exactly as production would run it (Production environment,
        fresh SQLite database in a temp folder, random JWT key, logging at Warning) and measures it
        against a **baseline measured in the same run**: a bare Kestrel app, also a child process
        (the bench's own executable in a hidden `--serve-baseline` mode), answering the same thing.

        ```sh
        dotnet run -c Release --project bench/CleanGames.Bench -- <scenario> [--seconds N] [--connections N] [--record]
        ```

        The result is one JSON line on stdout (progress goes to stderr); `--record` also appends a
        row to the table at the end of this file.

        ## How a run measures

        - The baseline is measured first, then CleanGames; each server runs alone while it is
          measured, and is stopped before the other starts.
        - Both get the same client code and the same concurrency: `--connections` clients (default
          64) sharing one `HttpClient` whose handler allows that many connections, each issuing its
          next operation as soon as the previous one completes.
        - 2 s of warm-up load are discarded, then `--seconds` (default 10) are measured. An
          operation counts if it started inside the measured window.
        - Latency is per operation; p50/p95/p99 are exact nearest-rank percentiles. ops/s is
          completed operations divided by the measured seconds. Errors (non-2xx answers,
          exceptions) are counted separately and excluded from the latencies.
        - ratio = CleanGames ops/s ÷ baseline ops/s.

        ## Scenarios

        | scenario | measures | baseline | goal |
        |---|---|---|---|
        | `http-baseline` | `GET /health/live` through the full CleanGames pipeline (request id, exception handler, status pages, routing, readiness gate, authentication, authorization); no database work, so it is the framework's fixed cost per request | bare Kestrel serving the same body, `{"status":"healthy","checks":null}` as `application/json; charset=utf-8` | ratio ≥ 0.8 |

        Planned: `gateway-ping` (raw WebSocket round-trips against the baseline's `/echo`) and a
        SignalR round-trip. A scenario is a class implementing `IScenario` in
        `bench/CleanGames.Bench/Scenarios/` plus one line in `ScenarioRegistry`.

        ## Reading the figures

        **Ratios matter more than absolute figures.** On a noisy 2-core machine the load generator
        and the server share the same two cores with everything else running, so absolute ops/s and
        latencies swing from run to run and from machine to machine. The baseline runs on the same
        machine, in the same run, under the same client, so the ratio cancels most of that noise:
        compare ratios across commits, not ops/s across machines.

        Columns: **date** (UTC) | **scenario** | **connections** (concurrent clients) | **seconds**
        (measured, after warm-up) | **CleanGames ops/s** | **CleanGames p99 ms** | **baseline ops/s**
        | **baseline p99 ms** | **ratio** (CleanGames ÷ baseline ops/s) | **goal** (the scenario's
        target and whether this run met it) | **command** (the exact command line used).

        ## Results

        | date | scenario | connections | seconds | CleanGames ops/s | CleanGames p99 ms | baseline ops/s | baseline p99 ms | ratio | goal | command |
        |---|---|---|---|---|---|---|---|---|---|---|

        """;
}
