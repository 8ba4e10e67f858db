using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using CleanGames.Bench.Reporting;

namespace CleanGames.Bench.Hosting;

/// <summary>
/// A process the bench started. Its output is kept off our stdout (which carries only the JSON
/// result) and the last lines are remembered so a failure can say why. Disposing kills the tree.
/// </summary>
internal sealed class ChildProcess : IAsyncDisposable
{
    private const int KeptLines = 200;
    private static readonly TimeSpan ExitWait = TimeSpan.FromSeconds(10);

    // Also killed on ProcessExit so an unhandled crash of the bench does not leave a server holding a port and a core.
    private static readonly ConcurrentDictionary<int, Process> Live = new();

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _recent = new();

    static ChildProcess() => AppDomain.CurrentDomain.ProcessExit += (_, _) =>
    {
        foreach (var process in Live.Values)
        {
            Kill(process);
        }
    };

    private ChildProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int Id { get; private set; }

    public bool HasExited => _process.HasExited;

    public int ExitCode => _process.ExitCode;

    public string RecentOutput => string.Join(Environment.NewLine, _recent);

    /// <param name="onOutput">Called with every line the child writes to stdout, for a child whose output is its result (wrk).</param>
    public static ChildProcess Start(string name, string fileName, IEnumerable<string> arguments, IReadOnlyDictionary<string, string>? environment, string workingDirectory, Action<string>? onOutput = null)
    {
        var info = new ProcessStartInfo(fileName)
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        var child = new ChildProcess(name, new Process { StartInfo = info });
        child._process.OutputDataReceived += (_, e) =>
        {
            child.Keep(e.Data);
            if (e.Data is not null)
            {
                onOutput?.Invoke(e.Data);
            }
        };
        child._process.ErrorDataReceived += (_, e) => child.Keep(e.Data);
        try
        {
            child._process.Start();
        }
        catch (Win32Exception e)
        {
            child._process.Dispose();
            throw new BenchException($"Could not start {name} ({fileName}): {e.Message}");
        }

        child.Id = child._process.Id;
        Live[child.Id] = child._process;
        // Both pipes must be drained or a chatty child blocks once the pipe buffer fills.
        child._process.BeginOutputReadLine();
        child._process.BeginErrorReadLine();
        return child;
    }

    /// <summary>
    /// CPU time (user + system, all threads) the child has used so far, which on Linux the runtime reads
    /// from <c>/proc/&lt;pid&gt;/stat</c>. Sampled at both ends of a measured window, the difference is
    /// what the child spent on that window.
    /// </summary>
    public TimeSpan CpuTime
    {
        get
        {
            try
            {
                return _process.TotalProcessorTime;
            }
            catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
            {
                throw new BenchException($"{Name} (pid {Id}) exited during the measurement; its last output:{Environment.NewLine}{RecentOutput}");
            }
        }
    }

    public async Task<int> WaitForExitAsync(CancellationToken ct)
    {
        await _process.WaitForExitAsync(ct);
        // Returns at once after the exit, and guarantees the redirected output has drained: every line has been handed over.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        try
        {
            using var timeout = new CancellationTokenSource(ExitWait);
            await _process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            Progress.Write($"{Name} (pid {Id}) was still running {ExitWait.TotalSeconds:0} s after being killed");
        }

        Live.TryRemove(Id, out _);
        _process.Dispose();
    }

    private static void Kill(Process process)
    {
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }
        catch (Exception e) when (e is InvalidOperationException or Win32Exception or NotSupportedException)
        {
            // Already gone or never started: nothing left to stop.
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        _recent.Enqueue(line);
        while (_recent.Count > KeptLines && _recent.TryDequeue(out _))
        {
        }
    }
}
