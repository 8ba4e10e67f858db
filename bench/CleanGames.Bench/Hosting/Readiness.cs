using System.Diagnostics;
using System.Net;

namespace CleanGames.Bench.Hosting;

internal static class Readiness
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(200);

    /// <summary>Polls <paramref name="probe"/> until it answers 200, failing fast if the child dies first.</summary>
    public static async Task WaitAsync(ChildProcess child, Uri probe, CancellationToken ct)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var started = Stopwatch.GetTimestamp();
        var lastAnswer = "no answer";
        while (true)
        {
            ct.ThrowIfCancellationRequested();
            if (child.HasExited)
            {
                throw new BenchException($"{child.Name} exited with code {child.ExitCode} before {probe} answered 200. Its last output:{Environment.NewLine}{child.RecentOutput}");
            }

            try
            {
                using var response = await http.GetAsync(probe, ct);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }

                lastAnswer = $"{(int)response.StatusCode} {response.StatusCode}";
            }
            catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !ct.IsCancellationRequested))
            {
                // Not listening yet, or busy migrating: keep polling until the deadline.
                lastAnswer = e.Message;
            }

            if (Stopwatch.GetElapsedTime(started) > Timeout)
            {
                throw new BenchException($"{child.Name} did not answer 200 on {probe} within {Timeout.TotalSeconds:0} s (last: {lastAnswer}). Its last output:{Environment.NewLine}{child.RecentOutput}");
            }

            await Task.Delay(PollInterval, ct);
        }
    }
}
