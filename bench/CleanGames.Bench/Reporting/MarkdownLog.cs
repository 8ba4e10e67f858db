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
        notes.Add(
            $"their cores busy with anything, %: CleanGames {BenchResult.Busy(r.Cpu.CleanGames.ServerCoresBusyPct)} / {BenchResult.Busy(r.Cpu.CleanGames.GeneratorCoresBusyPct)}, baseline {BenchResult.Busy(r.Cpu.Baseline.ServerCoresBusyPct)} / {BenchResult.Busy(r.Cpu.Baseline.GeneratorCoresBusyPct)}");
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
        dotnet run -c Release --project bench/CleanGames.Bench -- <scenario> [--seconds N] [--connections N] [--rounds N] [--warmup N] [--games N] [--record]
        ```

        The result is one JSON line on stdout (progress goes to stderr); `--record` also appends a
        row to the table at the end of this file. `--warmup N` warms every round up for N seconds
        instead of the defaults below; it is for checking that a scenario runs (`--seconds 2 --rounds 2
        --warmup 1`), not for figures, and a recorded row shows it in its command.

        ## How a run measures

        - Both servers run side by side (the idle one costs nothing) and are measured in
          alternating rounds (`--rounds`, default 4: baseline then CleanGames, then CleanGames then
          baseline, ...), each round a warm-up plus `--seconds ÷ rounds`; the rounds of each side are
          pooled. Drift on a noisy machine then falls on both sides, not on whichever ran second.
          Each server's first round warms up for 8 s (JIT tiering of a large app takes seconds), the
          others for 2 s.
        - Both get the same load generator and the same concurrency: `--connections` clients (default
          64), each issuing its next operation as soon as the previous one completes (see "Load
          generator, cores and CPU" below for which generator).
          WebSocket scenarios give each client its own socket, opened (and on the gateway greeted)
          before its first timed operation, reused for all of them, and reopened if it breaks.
        - Warm-up load is discarded without pausing the load, then the round is measured; in all
          `--seconds` (default 10) are measured per side. An operation counts if it started inside
          the measured window.
        - Latency is per operation; p50/p95/p99 are exact nearest-rank percentiles. ops/s is
          completed operations divided by the measured seconds. Errors (non-2xx answers,
          unexpected frames, exceptions) are counted separately and excluded from the latencies.
        - ratio = CleanGames ops/s ÷ baseline ops/s. A scenario may also have a latency goal
          (`goal_p99_factor`: CleanGames p99 ≤ that many times the baseline's p99; `goal_p99_ms`:
          CleanGames p99 under that many milliseconds); its goal is met only if all hold.
        - A round in which the load generator saturated before the server does not count (see below):
          each side's figures pool only its rounds that count, and a run in which either side has no
          such round does not count as a whole (its goal is "not counting", never "met").
        - A scenario may raise CleanGames limits that would otherwise bind and be measured instead of
          the code. They are set as environment variables on that scenario's CleanGames child only
          (never on the baseline), and every result names them: `raised_limits` in the JSON line, and
          "limits raised for the bench: …" in the row's scenario cell.

        ## Load generator, cores and CPU

        A ratio means something only when the server is the bottleneck. With a closed-loop client that
        shares the cores with the server, a generator that costs as much CPU per operation as the server
        (the .NET client against bare Kestrel does) limits both sides, and the ratio then measures the
        client: measured from outside with `wrk` on separate cores, `/health/live` reached 0.56–0.80 of
        bare Kestrel where the bench had recorded 0.88. So every run:

        - **Pins server and generator to separate cores** when `taskset` (util-linux) is on PATH and the
          bench may use at least two cores: the generator gets the lower half of the allowed cores (at
          least one), the servers the rest. Both servers are started through `taskset -c`, which sets the
          mask and then execs `dotnet`, so every thread of theirs stays on the server cores and the pid is
          the server's own. The bench pins itself (`taskset -a -p`, every thread; later threads inherit)
          after building the WebApi, so the build still uses every core. Without `taskset`, or with one
          core, nothing is pinned and the output says so (`pinning: none: …`).
        - **Uses the cheapest generator it has.** `http-baseline` (a plain `GET`) is driven by `wrk`, a C
          event loop that spends a fraction of a server's CPU per request, when `wrk` is on PATH (Debian's
          package; the bench never installs it). It runs one thread per generator core, a warm-up run whose
          figures are dropped, then the measured run; a Lua `done` hook prints its counts, its own CPU time
          and its latency quantiles (every 0.5% to p95, 0.1% to p99, 0.01% above, and the maximum; Debian's
          wrk 4.1 cannot hand out its histogram), from which each round's latencies are rebuilt so rounds
          pool as before: p50/p95/p99 of one round are exact, pooled ones are within that step. Non-2xx
          answers and socket errors count as errors. Without `wrk` the .NET `HttpClient` drives it as before
          and the output names the fallback (`load generator: .NET HttpClient in the bench process (wrk
          not found on PATH …)`). The WebSocket scenarios and `mafia-games` keep the .NET clients in the
          bench process, on the generator's cores: on a two-core machine several client processes would
          only share that same one core, while pinning already keeps the client off the server's core and
          the CPU figures show when it ran out.
        - **Reports CPU for both sides**: the CPU time (user + system, all threads) the server process and
          the load generator used during each measured window, divided by the window's wall time, as % of
          one core (100 = one core busy the whole time). The server's comes from `/proc/<pid>/stat` (read
          by the runtime's `Process.TotalProcessorTime`) at both edges of the window; the in-process
          generator's from the bench's own `Process.TotalProcessorTime`, the same way; `wrk`'s from
          `os.clock()` in its `done` hook (process CPU over all its threads), over wrk's life, which is
          then also the server's window. Beside them, how busy each role's cores were with anything
          (`/proc/stat`, busy ÷ total ticks of those cores, as % of them): on a machine shared with other
          work this tells a role that had nothing more to do from one that others crowded out. Every
          round prints them, the JSON line has `cpu` (per side, pooled over the rounds that count:
          `server_pct`, `generator_pct`, `server_cores_busy_pct`, `generator_cores_busy_pct`) and `rounds`
          (each round's ops/s, p99, CPU and whether it counts), and a recorded row carries them in its
          scenario cell.
        - **Marks a round as not counting when the generator saturated before the server.** Pinned: the
          generator could get no more CPU (it used ≥ 90% of the cores it can use — its pinned cores, or
          fewer when wrk runs fewer threads — or its cores were ≥ 90% busy with anything) while the server
          had headroom (it used < 90% of its cores and they were < 90% busy). Not pinned: the generator
          used ≥ 90% of what it can use while the server used < 90%, or the shared cores were ≥ 90% busy
          and the generator used at least as much CPU as the server (then it is the generator that took
          the server's CPU). Such a round prints `NOT COUNTING: …` with its figures; the JSON line says
          `"counts": false` and why; a recorded row lists it ("rounds not counting … left out"), and if a
          side had no round that counts the row's ratio reads "(not counting)" and its goal "not
          counting". `mafia-games` has one window (the play) and applies the same rule to it.

        A round in which other work took the server's cores (server well under 100%, its cores full)
        still counts: it was not the generator that limited it, and alternating rounds spread such noise
        over both sides. The busy figures show it; record figures when they stay low.

        ## Scenarios

        | scenario | measures | baseline | goal |
        |---|---|---|---|
        | `http-baseline` | `GET /health/live` through the full CleanGames pipeline (request id, exception handler, status pages, routing, readiness gate, authentication, authorization); no database work, so it is the framework's fixed cost per request | bare Kestrel serving the same body, `{"status":"healthy","checks":null}` as `application/json; charset=utf-8` | ratio ≥ 0.8 |
        | `gateway-ping` | round trips of `system.ping` over the realtime gateway `ws://…/v1/connect` (seed 002): one `command` frame out with a request id unique per command (so the gateway's 2-minute reply cache never answers), one `reply` frame back, checked for `ok` and the same request id. Covers frame parsing, the per-connection command window, the idempotency cache, the command router, a DI scope and MediatR, and the send. All sockets use one account, registered and signed in (`POST /auth/register`, `POST /auth/login`) before the load. **Limits raised for the bench:** `Gateway:MaxCommandsPerMinute=1000000000` (the default 120 per connection would cap each client at 2 pings/s) and `RateLimiting:AuthenticationPermitsPerMinute=1000000`, on this scenario's CleanGames child only | bare Kestrel echoing the same-size command frame on `/echo`, with the same client code (the echoed frame is checked for the same request id) | ratio ≥ 0.7, p99 ≤ 2× echo |
        | `kitchen-cook` | round trips of `cook` over the Kitchen socket `ws://…/ws` (seed 001): 64 players, one per connection (registered with `POST /reg` before the load), each opening with `session` and then sending `cook` as soon as the last one is answered; each answer is the full `session` state (about 890 bytes) and is checked for the same request id and no `error`. Covers frame parsing, the command router, a DI scope and MediatR, the live session under its per-account gate (no database write on the hot path), the rules and the full-state reply. **Limits raised for the bench:** `Kitchen:MaxCooksPerSecond=100000` (the default 20 per account would make every client wait on the limiter) and `RateLimiting:AuthenticationPermitsPerMinute=1000000`, on this scenario's CleanGames child only | bare Kestrel echoing a JSON frame padded to the size of a cook response, with the same client code (the run fails if a cook response drifts more than 25% from that size) | ratio ≥ 0.5, p99 < 10 ms |
        | `mafia-games` | 50 games (`--games`) of 8 bots each on `/hubs/game`, started together, with 2-second phases, played to the end: the mafia agree on a victim, everyone votes the lowest-id other living player, each bot acts 50–400 ms after a phase opens. Measured from the `game_state` each bot receives: **deadline lag** = `phase_started_at` of a phase − `phase_ends_at` of the one before, for phases that ran to their deadline; **fan-out** = arrival − `server_time` of the pushed state; **events lost** = phase changes out of order, night or voting results missing, or a bot without `game_ended`. Players register with `POST /reg` before the load (`RateLimiting:AuthenticationPermitsPerMinute=1000000` raised for that) | none: the game's own clock is the load, and the goals are absolute | deadline lag p99 < 250 ms, fan-out p99 < 50 ms, 0 lost |

        Planned: a SignalR round-trip. A scenario is a class implementing `IScenario` in
        `bench/CleanGames.Bench/Scenarios/` plus one line in `ScenarioRegistry`.

        ## Reading the figures

        **Ratios matter more than absolute figures.** On a noisy 2-core machine the server and the load
        generator get one core each (pinned) and share them with everything else running, so absolute
        ops/s and latencies swing from run to run and from machine to machine, and are lower than when
        the server could use both cores. The baseline runs on the same
        machine, in the same run, under the same client, so the ratio cancels most of that noise:
        compare ratios across commits, not ops/s across machines.

        Columns: **date** (UTC) | **scenario** (with any limits raised for the bench, the load
        generator, the pinning, each side's server / generator CPU in % of one core, how busy their
        cores were with anything, and any rounds that did not count) | **connections** (concurrent clients) | **seconds**
        (measured, after warm-up) | **CleanGames ops/s** | **CleanGames p99 ms** | **baseline ops/s**
        | **baseline p99 ms** | **ratio** (CleanGames ÷ baseline ops/s; "(not counting)" when the load
        generator saturated first in every round of a side) | **goal** (the scenario's
        target and whether this run met it, or "not counting") | **command** (the exact command line used).

        ## Results

        | date | scenario | connections | seconds | CleanGames ops/s | CleanGames p99 ms | baseline ops/s | baseline p99 ms | ratio | goal | command |
        |---|---|---|---|---|---|---|---|---|---|---|

        """;
}
