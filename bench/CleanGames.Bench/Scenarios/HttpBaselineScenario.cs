using System.Collections.ObjectModel;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Reporting;

namespace CleanGames.Bench.Scenarios;

/// <summary>
/// <c>GET /health/live</c>: the fixed cost of CleanGames' HTTP pipeline (request id, exception
/// handler, status pages, routing, readiness gate, authentication, authorization) over bare Kestrel
/// serving the same body. No database work, so the figure is pure framework overhead.
/// </summary>
internal sealed class HttpBaselineScenario : IScenario
{
    private const string Path = BaselineServer.HealthPath;

    public string Name => "http-baseline";

    public string Description => "GET /health/live through the full CleanGames pipeline versus bare Kestrel with the same JSON body";

    public BaselineKind Baseline => BaselineKind.KestrelJson;

    public double GoalRatio => 0.85;

    public double? GoalP99Factor => null;

    public string? PlainGetPath => Path;

    public IReadOnlyDictionary<string, string> RaisedLimits => ReadOnlyDictionary<string, string>.Empty;

    public async Task PrepareAsync(ScenarioContext context, CancellationToken ct)
    {
        using var response = await context.Http.GetAsync(Path, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        if (!response.IsSuccessStatusCode)
        {
            throw new BenchException($"{context.Target} answered {(int)response.StatusCode} on {Path}: {body}");
        }

        // Logged so a reader can see at a glance that both servers really answer the same thing.
        Progress.Write($"{context.Target} {Path}: {(int)response.StatusCode} {response.Content.Headers.ContentType} {body}");
    }

    public Task<IScenarioClient> ConnectAsync(ScenarioContext context, int clientIndex, CancellationToken ct) =>
        Task.FromResult<IScenarioClient>(new Client(context.Http));

    /// <summary>Stateless: connections come from the shared handler's pool.</summary>
    private sealed class Client(HttpClient http) : IScenarioClient
    {
        public async ValueTask<bool> ExecuteAsync(CancellationToken ct)
        {
            // The default completion option reads the whole body, so the server's full response is timed.
            using var response = await http.GetAsync(Path, ct);
            return response.IsSuccessStatusCode;
        }

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
