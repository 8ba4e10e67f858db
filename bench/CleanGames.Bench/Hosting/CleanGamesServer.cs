using System.Security.Cryptography;

namespace CleanGames.Bench.Hosting;

/// <summary>The real WebApi, built in Release and run as it would be in production, on a throwaway SQLite database.</summary>
internal static class CleanGamesServer
{
    private const string AssemblyFile = "CleanGames.WebApi.dll";
    private const string ReadinessPath = "/health/ready";

    /// <summary>The SQLite file in the data directory; a scenario may read it directly for a baseline.</summary>
    public const string DatabaseFile = "bench.db";

    public static async Task<string> BuildAsync(Toolchain toolchain, string outputDirectory, CancellationToken ct)
    {
        var project = Path.Combine(toolchain.RepoRoot, "src", "WebApi", "CleanGames.WebApi.csproj");
        // No node reuse: idle MSBuild nodes left behind would compete with the servers for the two cores.
        string[] arguments = ["build", project, "-c", "Release", "-o", outputDirectory, "--nologo", "-v:minimal", "-tl:off", "-nodeReuse:false"];
        await using var build = ChildProcess.Start("dotnet build", toolchain.Dotnet, arguments, environment: null, toolchain.RepoRoot);
        var exitCode = await build.WaitForExitAsync(ct);
        var assembly = Path.Combine(outputDirectory, AssemblyFile);
        if (exitCode != 0 || !File.Exists(assembly))
        {
            throw new BenchException($"Building the WebApi failed (exit code {exitCode}):{Environment.NewLine}{build.RecentOutput}");
        }

        return assembly;
    }

    /// <param name="settings">Configuration a scenario needs that is not a limit (a bench-made secret), set the same way.</param>
    public static async Task<RunningServer> StartAsync(Toolchain toolchain, CorePlan plan, string webApiAssembly, string dataDirectory, IReadOnlyDictionary<string, string> raisedLimits, CancellationToken ct, IReadOnlyDictionary<string, string>? settings = null)
    {
        Directory.CreateDirectory(dataDirectory);
        var baseAddress = FreePort.NextLoopbackAddress();
        var environment = new Dictionary<string, string>
        {
            ["ASPNETCORE_URLS"] = baseAddress.GetLeftPart(UriPartial.Authority),
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            // Production refuses to start without a key; a fresh one per run keeps real secrets out of the bench.
            ["Jwt__SigningKey"] = RandomNumberGenerator.GetHexString(64),
            ["ConnectionStrings__Default"] = $"Data Source={Path.Combine(dataDirectory, DatabaseFile)}",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        foreach (var (key, value) in raisedLimits.Concat(settings ?? new Dictionary<string, string>()))
        {
            // Environment variables spell the configuration separator ':' as "__".
            environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        // The content root is the working directory, and appsettings.json lives next to the assembly.
        var workingDirectory = Path.GetDirectoryName(webApiAssembly)!;
        var (fileName, arguments) = plan.ForServer(toolchain.Dotnet, [webApiAssembly]);
        var process = ChildProcess.Start("CleanGames.WebApi", fileName, arguments, environment, workingDirectory);
        return await RunningServer.WhenReadyAsync(process, baseAddress, ReadinessPath, dataDirectory, ct);
    }
}
