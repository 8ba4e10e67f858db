using System.Globalization;
using CleanGames.Bench.Hosting;
using CleanGames.Bench.Scenarios;

namespace CleanGames.Bench.Load;

/// <summary>
/// What offers the load in a run: <c>wrk</c> for a scenario whose operation is a plain GET, when it is
/// on PATH (a C event loop that spends far less CPU per request than any server it drives), otherwise
/// the bench's own .NET clients in this process. Either way on the generator's cores of the
/// <see cref="CorePlan"/>, and its CPU use is measured and judged by <see cref="Budget"/>.
/// </summary>
internal sealed record LoadGenerator(string Description, string? WrkPath, int WrkThreads, CpuBudget Budget)
{
    private const string WrkTool = "wrk";

    public bool UsesWrk => WrkPath is not null;

    public static async Task<LoadGenerator> ChooseAsync(IScenario scenario, int connections, CorePlan plan, CancellationToken ct)
    {
        var inProcess = new CpuBudget(plan.ServerCores, plan.GeneratorCores, !plan.IsPinned, plan.MachineCores);
        if (scenario.PlainGetPath is null)
        {
            return new LoadGenerator(".NET clients in the bench process", null, 0, inProcess);
        }

        // Detected, never installed: the bench must run on a machine without it.
        if (Toolchain.FindOnPath(WrkTool) is not { } wrk)
        {
            return new LoadGenerator($".NET HttpClient in the bench process ({WrkTool} not found on PATH; `apt-get install wrk` gives a cheaper generator)", null, 0, inProcess);
        }

        // One thread per generator core, and never more threads than connections (wrk refuses that). Unpinned,
        // half the cores, so that wrk alone cannot take the whole machine from the server.
        var threads = Math.Min(connections, plan.IsPinned ? plan.GeneratorCores : Math.Max(1, plan.MachineCores / 2));
        var version = await WrkDriver.VersionAsync(wrk, ct);
        var description = string.Create(CultureInfo.InvariantCulture, $"{version}, {threads} thread{(threads == 1 ? string.Empty : "s")}");
        return new LoadGenerator(description, wrk, threads, inProcess with { GeneratorCores = Math.Min(threads, plan.GeneratorCores) });
    }

    /// <summary>For a scenario that is not a closed loop of operations (mafia-games): the in-process clients only.</summary>
    public static LoadGenerator InProcess(CorePlan plan, string description) =>
        new(description, null, 0, new CpuBudget(plan.ServerCores, plan.GeneratorCores, !plan.IsPinned, plan.MachineCores));
}
