namespace CleanGames.Bench.Hosting;

/// <summary>Where the pieces a run launches live: the <c>dotnet</c> muxer, the repository and the bench's own assembly.</summary>
internal sealed record Toolchain(string Dotnet, string RepoRoot, string BenchAssembly)
{
    private const string SolutionFile = "CleanGames.sln";

    public static Toolchain Discover() => new(FindDotnet(), FindRepoRoot(), typeof(Program).Assembly.Location);

    public static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, SolutionFile)))
            {
                return dir.FullName;
            }
        }

        throw new BenchException($"No {SolutionFile} above {AppContext.BaseDirectory}; run the bench from inside the repository.");
    }

    /// <summary>The first <paramref name="tool"/> on PATH, or null: optional tools (taskset, wrk) are detected, never installed.</summary>
    public static string? FindOnPath(string tool)
    {
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? string.Empty).Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            var candidate = Path.Combine(dir, tool);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindDotnet()
    {
        var muxer = OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet";

        // Under `dotnet run` we are the apphost, so our own path is not the muxer.
        if (Environment.ProcessPath is { } self && string.Equals(Path.GetFileName(self), muxer, StringComparison.OrdinalIgnoreCase))
        {
            return self;
        }

        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } hostPath && File.Exists(hostPath))
        {
            return hostPath;
        }

        // The shared runtime sits in <root>/shared/Microsoft.NETCore.App/<version>/ next to the muxer in <root>;
        // preferring it keeps the children on the same installation as the bench.
        var runtimeDir = Path.GetDirectoryName(typeof(object).Assembly.Location);
        if (runtimeDir is not null)
        {
            var candidate = Path.GetFullPath(Path.Combine(runtimeDir, "..", "..", "..", muxer));
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return muxer;
    }
}
