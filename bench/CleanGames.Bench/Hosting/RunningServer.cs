namespace CleanGames.Bench.Hosting;

/// <summary>A server child that answered its readiness probe; disposing stops it and removes its scratch data.</summary>
internal sealed class RunningServer : IAsyncDisposable
{
    private readonly ChildProcess _process;
    private readonly string? _scratchDirectory;

    private RunningServer(ChildProcess process, Uri baseAddress, string? scratchDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        _scratchDirectory = scratchDirectory;
    }

    public Uri BaseAddress { get; }

    /// <summary>CPU time the server process has used so far (see <see cref="ChildProcess.CpuTime"/>).</summary>
    public TimeSpan CpuTime => _process.CpuTime;

    public static async Task<RunningServer> WhenReadyAsync(ChildProcess process, Uri baseAddress, string readinessPath, string? scratchDirectory, CancellationToken ct)
    {
        var server = new RunningServer(process, baseAddress, scratchDirectory);
        try
        {
            await Readiness.WaitAsync(process, new Uri(baseAddress, readinessPath), ct);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _process.DisposeAsync();
        if (_scratchDirectory is not null)
        {
            TempDirectory.TryDelete(_scratchDirectory);
        }
    }
}
