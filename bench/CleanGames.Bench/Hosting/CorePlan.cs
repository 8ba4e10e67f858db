using System.Globalization;
using CleanGames.Bench.Reporting;

namespace CleanGames.Bench.Hosting;

/// <summary>
/// Which cores the server and the load generator may run on. When <c>taskset</c> (util-linux) is on
/// PATH and the bench may use at least two cores, they are split: the generator gets the lower half
/// (at least one), the server the rest. Without the split the two compete for the same cores, and a
/// heavy client then slows the server it measures, so neither side's figure is the server's alone.
/// </summary>
internal sealed class CorePlan
{
    private const string TasksetTool = "taskset";

    private CorePlan(string? taskset, int machineCores, IReadOnlyList<int>? allowed, IReadOnlyList<int>? server, IReadOnlyList<int>? generator, string description)
    {
        TasksetPath = taskset;
        MachineCores = machineCores;
        AllowedCpus = allowed;
        ServerCpus = server;
        GeneratorCpus = generator;
        Description = description;
    }

    public bool IsPinned => ServerCpus is not null;

    /// <summary>Cores the server may run on: its share when pinned, every allowed core otherwise.</summary>
    public int ServerCores => ServerCpus?.Count ?? MachineCores;

    /// <summary>Cores the load generator may run on: its share when pinned, every allowed core otherwise.</summary>
    public int GeneratorCores => GeneratorCpus?.Count ?? MachineCores;

    /// <summary>Every core the bench may use; when not pinned, server and generator share them all.</summary>
    public int MachineCores { get; }

    /// <summary>For the log and every result, e.g. "server on cpu 1, load generator on cpu 0 (taskset)".</summary>
    public string Description { get; }

    private string? TasksetPath { get; }

    /// <summary>The ids of the cores the bench may use, or null when they cannot be read.</summary>
    public IReadOnlyList<int>? AllowedCpus { get; }

    /// <summary>The server's core ids when pinned; null when it shares <see cref="AllowedCpus"/>.</summary>
    public IReadOnlyList<int>? ServerCpus { get; }

    /// <summary>The generator's core ids when pinned; null when it shares <see cref="AllowedCpus"/>.</summary>
    public IReadOnlyList<int>? GeneratorCpus { get; }

    /// <summary>
    /// Splits the cores and pins this process (the in-process load generator, and the parent of the
    /// generator processes) to the generator's share. Called after the WebApi is built, so the build
    /// still has every core. Any failure leaves the run unpinned and says why, rather than failing it.
    /// </summary>
    public static async Task<CorePlan> PinAsync(CancellationToken ct)
    {
        var allowed = ReadAllowedCpus();
        if (allowed is null)
        {
            return Unpinned(Environment.ProcessorCount, null, "none: the allowed cores are unknown (no /proc/self/status), server and load generator share them");
        }

        if (allowed.Count < 2)
        {
            return Unpinned(allowed.Count, allowed, "none: only one core available, server and load generator share it");
        }

        var taskset = Toolchain.FindOnPath(TasksetTool);
        if (taskset is null)
        {
            return Unpinned(allowed.Count, allowed, $"none: {TasksetTool} not found on PATH, server and load generator share {allowed.Count} cores");
        }

        var generator = allowed.Take(allowed.Count / 2).ToArray();
        var server = allowed.Skip(allowed.Count / 2).ToArray();

        // -a applies to every thread already running (the runtime's, the thread pool's); threads started
        // later inherit the mask from the thread that creates them, so the whole process stays on its share.
        string[] arguments = ["-a", "-p", "-c", CpuList(generator), Environment.ProcessId.ToString(CultureInfo.InvariantCulture)];
        await using var pin = ChildProcess.Start("taskset", taskset, arguments, environment: null, Environment.CurrentDirectory);
        var exitCode = await pin.WaitForExitAsync(ct);
        if (exitCode != 0)
        {
            Progress.Write($"could not pin the bench with {TasksetTool} (exit code {exitCode}): {pin.RecentOutput}");
            return Unpinned(allowed.Count, allowed, $"none: {TasksetTool} failed, server and load generator share {allowed.Count} cores");
        }

        return new CorePlan(taskset, allowed.Count, allowed, server, generator, $"server on cpu {CpuList(server)}, load generator on cpu {CpuList(generator)} ({TasksetTool})");
    }

    /// <summary>The command that starts <paramref name="fileName"/> on the server's cores (unchanged when not pinned).</summary>
    public (string FileName, IReadOnlyList<string> Arguments) ForServer(string fileName, IEnumerable<string> arguments) =>
        Wrap(ServerCpus, fileName, arguments);

    /// <summary>The command that starts <paramref name="fileName"/> on the generator's cores (unchanged when not pinned).</summary>
    public (string FileName, IReadOnlyList<string> Arguments) ForGenerator(string fileName, IEnumerable<string> arguments) =>
        Wrap(GeneratorCpus, fileName, arguments);

    private (string FileName, IReadOnlyList<string> Arguments) Wrap(IReadOnlyList<int>? cpus, string fileName, IEnumerable<string> arguments) =>
        // taskset sets the mask and then execs the command, so the child keeps the pid the bench reads CPU time from.
        cpus is null || TasksetPath is null ? (fileName, arguments.ToArray()) : (TasksetPath, ["-c", CpuList(cpus), fileName, .. arguments]);

    private static CorePlan Unpinned(int machineCores, IReadOnlyList<int>? allowed, string description) =>
        new(null, machineCores, allowed, null, null, description);

    private static string CpuList(IEnumerable<int> cpus) => string.Join(',', cpus.Select(c => c.ToString(CultureInfo.InvariantCulture)));

    /// <summary>
    /// The cores this process may run on, from <c>Cpus_allowed_list</c> ("0-1,4"): a container or an
    /// outer taskset may allow fewer than the machine has, and only those can be split.
    /// </summary>
    private static IReadOnlyList<int>? ReadAllowedCpus()
    {
        const string key = "Cpus_allowed_list:";
        try
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith(key, StringComparison.Ordinal));
            if (line is not null)
            {
                var cpus = new List<int>();
                foreach (var part in line[key.Length..].Trim().Split(',', StringSplitOptions.RemoveEmptyEntries))
                {
                    var range = part.Split('-');
                    var first = int.Parse(range[0], CultureInfo.InvariantCulture);
                    var last = range.Length > 1 ? int.Parse(range[1], CultureInfo.InvariantCulture) : first;
                    cpus.AddRange(Enumerable.Range(first, last - first + 1));
                }

                return cpus;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or OverflowException)
        {
            // Not Linux, or an unexpected format: the cores cannot be named, so they cannot be split.
        }

        return null;
    }
}
