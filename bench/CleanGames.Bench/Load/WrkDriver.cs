using System.Diagnostics;
using System.Globalization;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench.Load;

/// <summary>
/// Runs one round of a plain-GET scenario with <c>wrk</c>: a warm-up run whose figures are dropped,
/// then the measured run. A Lua <c>done</c> hook prints what the bench needs in lines it parses:
/// counts, wrk's own CPU time (<c>os.clock()</c>, the whole process's CPU over all its threads) and
/// the latency quantiles from which the round's samples are rebuilt for pooling.
/// </summary>
internal static class WrkDriver
{
    private const string SummaryTag = "cgbench-summary";
    private const string QuantileTag = "cgbench-quantile";

    // Debian's wrk 4.1 does not index its latency histogram from Lua, so the distribution comes out as
    // quantiles: every 0.5% up to p95, every 0.1% up to p99, every 0.01% above, and the maximum.
    private const string Script = """
        -- Written by CleanGames.Bench for one run; the bench parses the lines this prints.
        done = function(summary, latency, requests)
          local e = summary.errors
          io.write(string.format("cgbench-summary %d %d %d %d %d %d %d %.6f\n", summary.duration, summary.requests,
            e.connect, e.read, e.write, e.status, e.timeout, os.clock()))
          if summary.requests == 0 then return end
          local function q(p, us) io.write(string.format("cgbench-quantile %.2f %d\n", p, us)) end
          for i = 1, 190 do q(i / 2, latency:percentile(i / 2)) end
          for i = 951, 990 do q(i / 10, latency:percentile(i / 10)) end
          for i = 9901, 9999 do q(i / 100, latency:percentile(i / 100)) end
          q(100, latency.max)
        end
        """;

    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(10);

    /// <summary>"wrk debian/4.1.0-3+b2": wrk prints its version and usage for <c>-v</c>, and exits 1.</summary>
    public static async Task<string> VersionAsync(string wrk, CancellationToken ct)
    {
        await using var probe = ChildProcess.Start("wrk -v", wrk, ["-v"], environment: null, Environment.CurrentDirectory);
        await probe.WaitForExitAsync(ct);
        var first = probe.RecentOutput.Split('\n', 2)[0];
        var bracket = first.IndexOf(" [", StringComparison.Ordinal);
        return (bracket > 0 ? first[..bracket] : first).Trim() is { Length: > 0 } version ? version : "wrk";
    }

    public static async Task<LoadResult> RunAsync(LoadGenerator generator, CorePlan plan, IScenario scenario, RunningServer server, LoadSettings settings, CancellationToken ct)
    {
        var script = Path.Combine(Path.GetTempPath(), $"cleangames-bench-{Environment.ProcessId}-{Guid.NewGuid():N}.lua");
        await File.WriteAllTextAsync(script, Script, ct);
        try
        {
            var url = new Uri(server.BaseAddress, scenario.PlainGetPath).ToString();
            // wrk takes whole seconds; the measured figures use the duration wrk reports, not the one asked for.
            await RunOnceAsync(generator, plan, script, url, settings.Connections, WholeSeconds(settings.Warmup), ct);

            var window = CpuWindow.Open(server, plan);
            var run = await RunOnceAsync(generator, plan, script, url, settings.Connections, WholeSeconds(settings.Duration), ct);
            // The window is wrk's whole life as the bench sees it (a few ms of start and exit around the
            // load), and wrk's CPU time covers that same life.
            var cpu = window.Close(generatorSeconds: run.CpuSeconds);

            var samples = run.RebuildSamples();
            return new LoadResult(samples.Count, run.Errors, run.Seconds, LatencyStats.Summarize([samples]), [samples], cpu);
        }
        finally
        {
            File.Delete(script);
        }
    }

    private static int WholeSeconds(TimeSpan span) => Math.Max(1, (int)Math.Round(span.TotalSeconds, MidpointRounding.AwayFromZero));

    private static async Task<WrkRun> RunOnceAsync(LoadGenerator generator, CorePlan plan, string script, string url, int connections, int seconds, CancellationToken ct)
    {
        string[] arguments =
        [
            "-t", generator.WrkThreads.ToString(CultureInfo.InvariantCulture),
            "-c", connections.ToString(CultureInfo.InvariantCulture),
            "-d", $"{seconds.ToString(CultureInfo.InvariantCulture)}s",
            "--timeout", $"{RequestTimeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)}s",
            "-s", script,
            url,
        ];
        var (fileName, wrapped) = plan.ForGenerator(generator.WrkPath!, arguments);
        var run = new WrkRun();
        await using var wrk = ChildProcess.Start("wrk", fileName, wrapped, environment: null, Environment.CurrentDirectory, run.Read);
        var exitCode = await wrk.WaitForExitAsync(ct);
        if (exitCode != 0 || !run.HasSummary)
        {
            throw new BenchException($"wrk exited with code {exitCode} without its summary. Its last output:{Environment.NewLine}{wrk.RecentOutput}");
        }

        return run;
    }

    /// <summary>What one wrk run printed through the script.</summary>
    private sealed class WrkRun
    {
        private readonly List<(double Percent, long Micros)> _quantiles = [];
        private long _requests;
        private long _statusErrors;

        public bool HasSummary { get; private set; }

        public double Seconds { get; private set; }

        /// <summary>Socket errors (connect, read, write, timeout) and answers with a status of 400 or more.</summary>
        public long Errors { get; private set; }

        public double CpuSeconds { get; private set; }

        /// <summary>Called from the output reader's thread; the run is only read after wrk has exited.</summary>
        public void Read(string line)
        {
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 9 && fields[0] == SummaryTag)
            {
                var numbers = fields[1..8].Select(f => long.Parse(f, CultureInfo.InvariantCulture)).ToArray();
                Seconds = numbers[0] / 1e6;
                _requests = numbers[1];
                _statusErrors = numbers[5];
                Errors = numbers[2..].Sum();
                CpuSeconds = double.Parse(fields[8], CultureInfo.InvariantCulture);
                HasSummary = true;
            }
            else if (fields.Length == 3 && fields[0] == QuantileTag)
            {
                _quantiles.Add((double.Parse(fields[1], CultureInfo.InvariantCulture), long.Parse(fields[2], CultureInfo.InvariantCulture)));
            }
        }

        /// <summary>
        /// One latency per successful request, rank by rank, each taken from the nearest printed quantile:
        /// exact at the quantiles the results show (p50, p95, p99), within the printed step elsewhere, and
        /// poolable with other rounds like the .NET client's samples.
        /// </summary>
        public List<long> RebuildSamples()
        {
            var count = Math.Max(0, _requests - _statusErrors);
            var samples = new List<long>((int)Math.Min(count, int.MaxValue));
            if (_quantiles.Count == 0)
            {
                return samples;
            }

            var percents = _quantiles.Select(q => q.Percent).ToArray();
            for (long rank = 1; rank <= count; rank++)
            {
                var percent = 100.0 * rank / count;
                var i = Array.BinarySearch(percents, percent);
                if (i < 0)
                {
                    i = ~i;
                    // Between two printed quantiles: the nearer one.
                    if (i == percents.Length || (i > 0 && percent - percents[i - 1] < percents[i] - percent))
                    {
                        i--;
                    }
                }

                samples.Add(_quantiles[i].Micros * Stopwatch.Frequency / 1_000_000);
            }

            return samples;
        }
    }
}
