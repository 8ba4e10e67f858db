using System.Globalization;
using System.Text;
using CleanGames.Bench.Scenarios;

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

    /// <summary>Appends a row already formatted (scenarios with their own figures).</summary>
    public static string AppendRow(string repoRoot, string row)
    {
        var path = Path.Combine(repoRoot, "docs", "benchmarks.md");
        var separator = File.Exists(path) && !EndsWithNewline(path) ? "\n" : string.Empty;
        File.AppendAllText(path, separator + row + "\n", Encoding.UTF8);
        return path;
    }

    public static string Row(BenchResult r, string commandLine)
    {
        var date = DateTimeOffset.Parse(r.Timestamp, Invariant).UtcDateTime.ToString("yyyy-MM-dd HH:mm 'UTC'", Invariant);
        var p99Goal = (r.GoalP99Factor is { } factor ? string.Create(Invariant, $", p99 ≤ {factor:0.##}× {BaselineShortName(r.BaselineKind)}") : string.Empty)
                      + (r.GoalP99Ms is { } limit ? string.Create(Invariant, $", p99 < {limit:0.##} ms") : string.Empty);
        var excluded = r.RoundsNotCounting();
        var verdict = !r.Counts ? "not counting: the load generator saturated before the server" : r.GoalMet ? "met" : "missed";
        var goal = string.Create(Invariant, $"ratio ≥ {r.GoalRatio:0.0##}{p99Goal} ({verdict})");
        // In the scenario cell rather than new columns, so rows recorded before keep lining up.
        var notes = new List<string>();
        if (r.RaisedLimits is { Count: > 0 } raised)
        {
            notes.Add($"limits raised for the bench: {BenchResult.Describe(raised)}");
        }

        notes.Add($"load: {r.LoadGenerator}; pinning: {r.Pinning}");
        notes.Add(string.Create(Invariant,
            $"CPU % of one core, server / load generator: CleanGames {r.Cpu.CleanGames.ServerPct:0} / {r.Cpu.CleanGames.GeneratorPct:0}, baseline {r.Cpu.Baseline.ServerPct:0} / {r.Cpu.Baseline.GeneratorPct:0}"));
        if (excluded.Length > 0)
        {
            notes.Add($"rounds not counting (load generator saturated first){(r.Counts ? ", left out" : string.Empty)}: {excluded}");
        }

        var scenario = $"{r.Scenario} ({string.Join("; ", notes)})";
        var ratio = r.Ratio.ToString("0.000", Invariant) + (r.Counts ? string.Empty : " (not counting)");
        string[] cells =
        [
            date,
            scenario,
            r.Connections.ToString(Invariant),
            r.Seconds.ToString("0.##", Invariant),
            r.OpsPerSec.ToString("0.0", Invariant),
            r.P99Ms.ToString("0.000", Invariant),
            r.BaselineOpsPerSec.ToString("0.0", Invariant),
            r.BaselineP99Ms.ToString("0.000", Invariant),
            ratio,
            goal,
            // A pipe would end the cell even inside a code span.
            $"`{commandLine.Replace("|", "\\|", StringComparison.Ordinal)}`",
        ];
        return $"| {string.Join(" | ", cells)} |";
    }

    private static string BaselineShortName(BaselineKind kind) => kind switch
    {
        BaselineKind.KestrelWebSocketEcho => "echo",
        _ => "baseline",
    };

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
        dotnet run -c Release --project bench/CleanGames.Bench -- <scenario> [--seconds N] [--connections N] [--rounds N] [--record]
        ```

        The result is one JSON line on stdout (progress goes to stderr); `--record` also appends a
        row to the table at the end of this file.

        ## How a run measures

        - Both servers run side by side (the idle one costs nothing) and are measured in
          alternating rounds (`--rounds`, default 4: baseline then CleanGames, then CleanGames then
          baseline, ...), each round a warm-up plus `--seconds ÷ rounds`; the rounds of each side are
          pooled. Drift on a noisy machine then falls on both sides, not on whichever ran second.
          Each server's first round warms up for 8 s (JIT tiering of a large app takes seconds), the
          others for 2 s.
        - Both get the same client code and the same concurrency: `--connections` clients (default
          64), each issuing its next operation as soon as the previous one completes. HTTP scenarios
          share one `HttpClient` whose handler allows that many connections; WebSocket scenarios give
          each client its own socket, opened (and on the gateway greeted) before its first timed
          operation, reused for all of them, and reopened if it breaks.
        - Warm-up load is discarded without pausing the load, then the round is measured; in all
          `--seconds` (default 10) are measured per side. An operation counts if it started inside
          the measured window.
        - Latency is per operation; p50/p95/p99 are exact nearest-rank percentiles. ops/s is
          completed operations divided by the measured seconds. Errors (non-2xx answers,
          unexpected frames, exceptions) are counted separately and excluded from the latencies.
        - ratio = CleanGames ops/s ÷ baseline ops/s. A scenario may also have a latency goal
          (`goal_p99_factor`: CleanGames p99 ≤ that many times the baseline's p99; `goal_p99_ms`:
          CleanGames p99 under that many milliseconds); its goal is met only if all hold.
        - A scenario may raise CleanGames limits that would otherwise bind and be measured instead of
          the code. They are set as environment variables on that scenario's CleanGames child only
          (never on the baseline), and every result names them: `raised_limits` in the JSON line, and
          "limits raised for the bench: …" in the row's scenario cell.

        ## Scenarios

        | scenario | measures | baseline | goal |
        |---|---|---|---|
        | `http-baseline` | `GET /health/live` through the full CleanGames pipeline (request id, exception handler, status pages, routing, readiness gate, authentication, authorization); no database work, so it is the framework's fixed cost per request | bare Kestrel serving the same body, `{"status":"healthy","checks":null}` as `application/json; charset=utf-8` | ratio ≥ 0.8 |
        | `gateway-ping` | round trips of `system.ping` over the realtime gateway `ws://…/v1/connect` (seed 002): one `command` frame out with a request id unique per command (so the gateway's 2-minute reply cache never answers), one `reply` frame back, checked for `ok` and the same request id. Covers frame parsing, the per-connection command window, the idempotency cache, the command router, a DI scope and MediatR, and the send queue. All sockets use one account, registered and signed in (`POST /auth/register`, `POST /auth/login`) before the load. **Limits raised for the bench:** `Gateway:MaxCommandsPerMinute=1000000000` (the default 120 per connection would cap each client at 2 pings/s) and `RateLimiting:AuthenticationPermitsPerMinute=1000000`, on this scenario's CleanGames child only | bare Kestrel echoing the same-size command frame on `/echo`, with the same client code (the echoed frame is checked for the same request id) | ratio ≥ 0.7, p99 ≤ 2× echo |

        Planned: a SignalR round-trip. A scenario is a class implementing `IScenario` in
        `bench/CleanGames.Bench/Scenarios/` plus one line in `ScenarioRegistry`.

        ## Reading the figures

        **Ratios matter more than absolute figures.** On a noisy 2-core machine the load generator
        and the server share the same two cores with everything else running, so absolute ops/s and
        latencies swing from run to run and from machine to machine. The baseline runs on the same
        machine, in the same run, under the same client, so the ratio cancels most of that noise:
        compare ratios across commits, not ops/s across machines.

        Columns: **date** (UTC) | **scenario** (with any limits raised for the bench) | **connections** (concurrent clients) | **seconds**
        (measured, after warm-up) | **CleanGames ops/s** | **CleanGames p99 ms** | **baseline ops/s**
        | **baseline p99 ms** | **ratio** (CleanGames ÷ baseline ops/s) | **goal** (the scenario's
        target and whether this run met it) | **command** (the exact command line used).

        ## Results

        | date | scenario | connections | seconds | CleanGames ops/s | CleanGames p99 ms | baseline ops/s | baseline p99 ms | ratio | goal | command |
        |---|---|---|---|---|---|---|---|---|---|---|

        """;
}
