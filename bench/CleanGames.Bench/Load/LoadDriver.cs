using System.Diagnostics;
using System.Net;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench.Load;

/// <summary>
/// Closed-loop load: N clients, each issuing its next operation as soon as the previous one ends.
/// The first seconds warm up and are discarded without pausing the load, so the measured window
/// starts on a hot server.
/// </summary>
internal static class LoadDriver
{
    // Without it a server that refuses connections would turn every client into a busy spin on two cores.
    private static readonly TimeSpan FailureBackoff = TimeSpan.FromMilliseconds(10);

    public static async Task<LoadResult> RunAsync(IScenario scenario, ServerTarget target, RunningServer server, LoadSettings settings, LoadGenerator generator, CorePlan plan, CancellationToken ct)
    {
        var baseAddress = server.BaseAddress;
        using var handler = new SocketsHttpHandler
        {
            MaxConnectionsPerServer = settings.Connections,
            PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
            UseCookies = false,
            UseProxy = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
        };
        using var http = new HttpClient(handler) { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var context = new ScenarioContext(target, baseAddress, http);
        // The scenario's own checks run with this client either way, so a server answering the wrong thing
        // fails the run before wrk would count its answers as successes.
        await scenario.PrepareAsync(context, ct);
        if (generator.UsesWrk)
        {
            return await WrkDriver.RunAsync(generator, plan, scenario, server, settings, ct);
        }

        var now = Stopwatch.GetTimestamp();
        var measureFrom = now + ToTicks(settings.Warmup);
        var window = new Window(measureFrom, measureFrom + ToTicks(settings.Duration));
        var cpu = MeasureCpuAsync(server, plan, window, ct);
        var tallies = await Task.WhenAll(Enumerable.Range(0, settings.Connections)
            .Select(index => Task.Run(() => RunClientAsync(scenario, context, index, window, ct), ct)));

        var samples = tallies.Select(t => t.Ticks).ToList();
        return new LoadResult(tallies.Sum(t => (long)t.Ticks.Count), tallies.Sum(t => t.Errors), settings.Duration.TotalSeconds, LatencyStats.Summarize(samples), samples, await cpu);
    }

    /// <summary>
    /// Opens the CPU window at the start of the measured window and closes it at its end; the wall time
    /// is taken between the two reads, so a timer waking a millisecond late moves both edges of the same
    /// window rather than the percentages.
    /// </summary>
    private static async Task<CpuSample> MeasureCpuAsync(RunningServer server, CorePlan plan, Window window, CancellationToken ct)
    {
        await Task.Delay(Until(window.Start), ct);
        var cpu = CpuWindow.Open(server, plan);
        await Task.Delay(Until(window.End), ct);
        return cpu.Close();
    }

    private static async Task<Tally> RunClientAsync(IScenario scenario, ScenarioContext context, int index, Window window, CancellationToken ct)
    {
        var tally = new Tally();
        IScenarioClient? client = null;
        try
        {
            while (Stopwatch.GetTimestamp() < window.End)
            {
                ct.ThrowIfCancellationRequested();
                var started = Stopwatch.GetTimestamp();
                bool ok;
                var failed = false;
                try
                {
                    client ??= await scenario.ConnectAsync(context, index, ct);
                    started = Stopwatch.GetTimestamp();
                    ok = await client.ExecuteAsync(ct);
                }
                catch (Exception) when (!ct.IsCancellationRequested)
                {
                    ok = false;
                    failed = true;
                    // A broken stateful connection is replaced, not reused.
                    await DisposeQuietlyAsync(client);
                    client = null;
                }

                var ended = Stopwatch.GetTimestamp();
                if (window.Contains(started))
                {
                    if (ok)
                    {
                        tally.Ticks.Add(ended - started);
                    }
                    else
                    {
                        tally.Errors++;
                    }
                }

                if (failed)
                {
                    await Task.Delay(FailureBackoff, ct);
                }
            }
        }
        finally
        {
            await DisposeQuietlyAsync(client);
        }

        return tally;
    }

    private static async ValueTask DisposeQuietlyAsync(IScenarioClient? client)
    {
        if (client is null)
        {
            return;
        }

        try
        {
            await client.DisposeAsync();
        }
        catch (Exception)
        {
            // The connection is being abandoned either way; its close handshake is not what is measured.
        }
    }

    // Clamped: a negative delay would throw, and -1 ms would mean "forever".
    private static TimeSpan Until(long timestamp) => TimeSpan.FromTicks(Math.Max(0, Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), timestamp).Ticks));

    private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);

    /// <summary>Operations are counted by start time: one started inside the window counts even if it ends just after.</summary>
    private readonly record struct Window(long Start, long End)
    {
        public bool Contains(long timestamp) => timestamp >= Start && timestamp < End;
    }

    private sealed class Tally
    {
        public List<long> Ticks { get; } = new(capacity: 16 * 1024);

        public long Errors { get; set; }
    }
}
