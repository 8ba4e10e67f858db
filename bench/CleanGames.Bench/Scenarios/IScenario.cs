namespace CleanGames.Bench.Scenarios;

/// <summary>Which server a load run is aimed at; a scenario may use different paths on each (a gateway route versus <c>/echo</c>).</summary>
internal enum ServerTarget
{
    Baseline,
    CleanGames,
}

/// <summary>What the baseline stands in for; reported with every result so a ratio is never read without its reference.</summary>
internal enum BaselineKind
{
    /// <summary>Bare Kestrel answering <c>GET /health/live</c> with the same JSON body.</summary>
    KestrelJson,

    /// <summary>Bare Kestrel echoing raw WebSocket messages on <c>/echo</c>.</summary>
    KestrelWebSocketEcho,
}

/// <summary>What every client of one load run shares.</summary>
internal sealed record ScenarioContext(ServerTarget Target, Uri BaseAddress, HttpClient Http)
{
    public Uri WebSocketAddress(string path)
    {
        var address = new UriBuilder(new Uri(BaseAddress, path))
        {
            Scheme = BaseAddress.Scheme == Uri.UriSchemeHttps ? Uri.UriSchemeWss : Uri.UriSchemeWs,
        };
        return address.Uri;
    }
}

/// <summary>
/// One benchmark: how a client connects and what one measured operation is. The load driver runs
/// the same scenario, with the same concurrency, against the baseline and against CleanGames.
/// </summary>
internal interface IScenario
{
    /// <summary>The command-line name, kebab-case.</summary>
    string Name { get; }

    string Description { get; }

    BaselineKind Baseline { get; }

    /// <summary>The lowest acceptable CleanGames/baseline throughput ratio.</summary>
    double GoalRatio { get; }

    /// <summary>
    /// When set, the goal also needs CleanGames' p99 to be at most this multiple of the baseline's:
    /// for a round-trip protocol a tail that grows is a failure even if throughput holds.
    /// </summary>
    double? GoalP99Factor { get; }

    /// <summary>When set, the goal also needs CleanGames' p99 to be under this many milliseconds.</summary>
    double? GoalP99Ms => null;

    /// <summary>
    /// Set when one operation is nothing but <c>GET</c> of this path with a 2xx answer: then an outside
    /// HTTP load generator (wrk) can issue it for both servers, at a fraction of the .NET client's CPU.
    /// </summary>
    string? PlainGetPath => null;

    /// <summary>
    /// CleanGames configuration (<c>Section:Key</c>) raised for this scenario because a protective limit
    /// would otherwise bind and be measured instead of the code. Given to the CleanGames child only, and
    /// printed with every result so such a figure is never read as the default configuration.
    /// </summary>
    IReadOnlyDictionary<string, string> RaisedLimits { get; }

    /// <summary>
    /// Once per server before any client starts: sanity checks, and for later scenarios the
    /// one-off setup a client needs (an account, a token) that must not be measured.
    /// </summary>
    Task PrepareAsync(ScenarioContext context, CancellationToken ct);

    /// <summary>
    /// Once per client, outside the timed region. Stateful transports (a WebSocket, a SignalR hub
    /// connection) open here so the driver times round-trips only; a client whose operation throws
    /// is disposed and connected again.
    /// </summary>
    Task<IScenarioClient> ConnectAsync(ScenarioContext context, int clientIndex, CancellationToken ct);
}

internal interface IScenarioClient : IAsyncDisposable
{
    /// <summary>One timed operation; <c>false</c> or an exception counts as an error.</summary>
    ValueTask<bool> ExecuteAsync(CancellationToken ct);
}
