using System.Runtime.InteropServices;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Load;
using CleanGames.Bench.Reporting;
using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench;

internal static class Program
{
    private const int ExitFailure = 1;
    private const int ExitUsage = 2;
    private const int ExitCancelled = 130;

    private static async Task<int> Main(string[] args)
    {
        // The same executable doubles as the baseline server so both servers run as separate processes.
        if (args.Length > 0 && args[0] == BaselineServer.ServeFlag)
        {
            return await BaselineServer.ServeAsync(args[1..]);
        }

        if (!BenchOptions.TryParse(args, out var options, out var parseError))
        {
            Console.Error.WriteLine(parseError);
            Console.Error.WriteLine(BenchOptions.Usage(ScenarioRegistry.AllNames));
            return ExitUsage;
        }

        var isMafiaGames = options.Scenario == MafiaGamesBench.Name;
        var isAnalytics = options.Scenario == AnalyticsBench.Name;
        var isEconomyGifts = options.Scenario == EconomyGiftsBench.Name;
        var isMatchmaking = options.Scenario == MatchmakingBench.Name;
        IScenario? scenario = null;
        if (!isMafiaGames && !isAnalytics && !isEconomyGifts && !isMatchmaking && !ScenarioRegistry.TryGet(options.Scenario, out scenario))
        {
            Console.Error.WriteLine($"Unknown scenario '{options.Scenario}'. Scenarios: {string.Join(", ", ScenarioRegistry.AllNames)}.");
            return ExitUsage;
        }

        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            // The first Ctrl+C lets the finally blocks stop the servers; a second one exits at once.
            if (!cancel.IsCancellationRequested)
            {
                e.Cancel = true;
                Progress.Write("cancelling: stopping the servers");
                cancel.Cancel();
            }
        };
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            cancel.Cancel();
        });

        try
        {
            if (isMafiaGames)
            {
                var games = await RunMafiaGamesAsync(options, cancel.Token);
                return Emit(games.ToJsonLine(), () => games.ToMarkdownRow(options.CommandLine), options);
            }

            if (isAnalytics)
            {
                var analytics = await RunAnalyticsAsync(options, cancel.Token);
                return Emit(analytics.ToJsonLine(), () => analytics.ToMarkdownRow(options.CommandLine), options);
            }

            if (isEconomyGifts)
            {
                var economy = await RunEconomyGiftsAsync(options, cancel.Token);
                return Emit(economy.ToJsonLine(), () => economy.ToMarkdownRow(options.CommandLine), options);
            }

            if (isMatchmaking)
            {
                var matchmaking = await RunOnServerAsync(MatchmakingBench.RaisedLimits, MatchmakingBench.Settings, MatchmakingBench.Generator,
                    (server, _, plan) => MatchmakingBench.RunAsync(server, plan, cancel.Token), cancel.Token);
                return Emit(matchmaking.ToJsonLine(), () => matchmaking.ToMarkdownRow(options.CommandLine), options);
            }

            var result = await RunAsync(options, scenario!, cancel.Token);
            Console.Out.WriteLine(result.ToJsonLine());
            if (options.Record)
            {
                var path = MarkdownLog.Append(Toolchain.FindRepoRoot(), result, options.CommandLine);
                Progress.Write($"recorded in {path}");
            }

            return 0;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            Progress.Write("cancelled");
            return ExitCancelled;
        }
        catch (BenchException e)
        {
            Console.Error.WriteLine($"bench failed: {e.Message}");
            return ExitFailure;
        }
    }

    private static async Task<BenchResult> RunAsync(BenchOptions options, IScenario scenario, CancellationToken ct)
    {
        var toolchain = Toolchain.Discover();
        var settings = new LoadSettings(options.Connections, options.WarmupFor(roundIndex: 2), TimeSpan.FromSeconds(options.Seconds));
        var workRoot = Directory.CreateTempSubdirectory("cleangames-bench-").FullName;
        try
        {
            // Built before anything is measured so the compiler's CPU use cannot leak into either figure.
            Progress.Write("building the WebApi (Release)");
            var webApiDll = await CleanGamesServer.BuildAsync(toolchain, Path.Combine(workRoot, "build"), ct);

            if (scenario.RaisedLimits.Count > 0)
            {
                Progress.Write($"CleanGames limits raised for the bench: {BenchResult.Describe(scenario.RaisedLimits)}");
            }

            // After the build (which keeps every core) and before the servers start, so each lands on its share.
            var plan = await CorePlan.PinAsync(ct);
            var generator = await LoadGenerator.ChooseAsync(scenario, options.Connections, plan, ct);
            Progress.Write($"pinning: {plan.Description}");
            Progress.Write($"load generator: {generator.Description}");

            // Both servers stay up (an idle one costs nothing) and are measured in alternating rounds,
            // baseline-first then CleanGames-first, so that drift on a noisy machine (other load,
            // clock scaling) falls on both sides instead of on whichever ran second.
            await using var baselineServer = await BaselineServer.StartAsync(toolchain, plan, ct);
            await using var cleanGamesServer = await CleanGamesServer.StartAsync(toolchain, plan, webApiDll, Path.Combine(workRoot, "data"), scenario.RaisedLimits, ct);
            var round = settings with { Duration = TimeSpan.FromSeconds(Math.Max(1.0, options.Seconds / (double)options.Rounds)) };
            var baselineRounds = new List<MeasuredRound>();
            var targetRounds = new List<MeasuredRound>();
            for (var i = 0; i < options.Rounds; i++)
            {
                var thisRound = round with { Warmup = options.WarmupFor(i) };
                var number = i + 1;
                if (i % 2 == 0)
                {
                    baselineRounds.Add(await MeasureAsync(scenario, ServerTarget.Baseline, baselineServer, number, thisRound, generator, plan, ct));
                    targetRounds.Add(await MeasureAsync(scenario, ServerTarget.CleanGames, cleanGamesServer, number, thisRound, generator, plan, ct));
                }
                else
                {
                    targetRounds.Add(await MeasureAsync(scenario, ServerTarget.CleanGames, cleanGamesServer, number, thisRound, generator, plan, ct));
                    baselineRounds.Add(await MeasureAsync(scenario, ServerTarget.Baseline, baselineServer, number, thisRound, generator, plan, ct));
                }
            }

            var result = BenchResult.Create(scenario, settings, targetRounds, baselineRounds, generator, plan, DateTimeOffset.UtcNow);
            Progress.Write(result.CpuSummary());
            return result;
        }
        finally
        {
            TempDirectory.TryDelete(workRoot);
        }
    }

    /// <summary>The game bench has no baseline: the game's own clock is the load, and its goals are absolute latencies.</summary>
    private static Task<MafiaGamesResult> RunMafiaGamesAsync(BenchOptions options, CancellationToken ct) =>
        RunOnServerAsync(MafiaGamesBench.RaisedLimits, null, MafiaGamesBench.Generator,
            (server, _, plan) => MafiaGamesBench.RunAsync(server, options.Games, plan, ct), ct);

    /// <summary>The analytics bench has its own baseline: the naive query, run on the server's database file from this process.</summary>
    private static Task<AnalyticsResult> RunAnalyticsAsync(BenchOptions options, CancellationToken ct) =>
        RunOnServerAsync(AnalyticsBench.RaisedLimits, AnalyticsBench.Settings, AnalyticsBench.Generator, async (server, workRoot, plan) =>
        {
            var result = await AnalyticsBench.RunAsync(server, Path.Combine(workRoot, "data", CleanGamesServer.DatabaseFile), options, plan, ct);
            Progress.Write(result.Summary());
            return result;
        }, ct);

    /// <summary>The gift bench has its own baseline: raw ADO.NET transfers on a SQLite file of its own, run from this process.</summary>
    private static Task<EconomyGiftsResult> RunEconomyGiftsAsync(BenchOptions options, CancellationToken ct) =>
        RunOnServerAsync(EconomyGiftsBench.RaisedLimits, EconomyGiftsBench.Settings, EconomyGiftsBench.Generator, (server, workRoot, plan) =>
            EconomyGiftsBench.RunAsync(server, Path.Combine(workRoot, "data", CleanGamesServer.DatabaseFile), Path.Combine(workRoot, "baseline", "transfers.db"), options, plan, ct), ct);

    /// <summary>Prints a scenario of its own shape's JSON line and, with <c>--record</c>, appends its row to docs/benchmarks.md.</summary>
    private static int Emit(string jsonLine, Func<string> markdownRow, BenchOptions options)
    {
        Console.Out.WriteLine(jsonLine);
        if (options.Record)
        {
            var path = MarkdownLog.AppendRow(Toolchain.FindRepoRoot(), markdownRow());
            Progress.Write($"recorded in {path}");
        }

        return 0;
    }

    /// <summary>
    /// For a scenario with a shape of its own (one server, its own load and baseline): builds the WebApi,
    /// pins the cores, starts the WebApi with the scenario's raised limits and settings on a database in
    /// <c>workRoot/data</c>, and runs <paramref name="run"/> on it; the server stops and the temp folder goes at the end.
    /// </summary>
    private static async Task<T> RunOnServerAsync<T>(IReadOnlyDictionary<string, string> raisedLimits, IReadOnlyDictionary<string, string>? settings, string generator,
        Func<RunningServer, string, CorePlan, Task<T>> run, CancellationToken ct)
    {
        var toolchain = Toolchain.Discover();
        var workRoot = Directory.CreateTempSubdirectory("cleangames-bench-").FullName;
        try
        {
            Progress.Write("building the WebApi (Release)");
            var webApiDll = await CleanGamesServer.BuildAsync(toolchain, Path.Combine(workRoot, "build"), ct);
            Progress.Write($"CleanGames limits raised for the bench: {BenchResult.Describe(raisedLimits)}");
            var plan = await CorePlan.PinAsync(ct);
            Progress.Write($"pinning: {plan.Description}");
            Progress.Write($"load generator: {generator}");
            await using var server = await CleanGamesServer.StartAsync(toolchain, plan, webApiDll, Path.Combine(workRoot, "data"), raisedLimits, ct, settings);
            return await run(server, workRoot, plan);
        }
        finally
        {
            TempDirectory.TryDelete(workRoot);
        }
    }

    private static async Task<MeasuredRound> MeasureAsync(IScenario scenario, ServerTarget target, RunningServer server, int number, LoadSettings settings, LoadGenerator generator, CorePlan plan, CancellationToken ct)
    {
        Progress.Write($"{target} round {number}: {scenario.Name}, {settings.Connections} connections, {settings.Warmup.TotalSeconds:0.#} s warmup + {settings.Duration.TotalSeconds:0.#} s measured");
        var result = await LoadDriver.RunAsync(scenario, target, server, settings, generator, plan, ct);
        var notCounting = generator.Budget.WhyNotCounting(result.Cpu);
        Progress.Write($"{target} round {number}: {result.OpsPerSec:0.0} ops/s, p50 {result.Latency.P50Ms:0.000} ms, p99 {result.Latency.P99Ms:0.000} ms, {result.Errors} errors; "
                       + $"CPU server {result.Cpu.ServerPercent:0}% / load generator {result.Cpu.GeneratorPercent:0}% of one core, "
                       + $"their cores busy with anything {BenchResult.Busy(result.Cpu.ServerCoresBusyPercent)}% / {BenchResult.Busy(result.Cpu.GeneratorCoresBusyPercent)}%");
        if (notCounting is not null)
        {
            Progress.Write($"{target} round {number} NOT COUNTING: {notCounting}");
        }

        return new MeasuredRound(target, number, result, notCounting);
    }
}
