using System.Diagnostics.CodeAnalysis;

namespace CleanGames.Bench.Scenarios;

/// <summary>Every scenario the command line accepts; a new scenario is one class plus one line here.</summary>
internal static class ScenarioRegistry
{
    private static readonly Dictionary<string, IScenario> Scenarios = new IScenario[]
    {
        new HttpBaselineScenario(),
        new GatewayPingScenario(),
        new KitchenCookScenario(),
    }.ToDictionary(s => s.Name, StringComparer.Ordinal);

    public static IEnumerable<string> Names => Scenarios.Keys.Order(StringComparer.Ordinal);

    /// <summary>Every name the command line accepts: the load-driver scenarios above, then those with a run of their own (wired in <c>Program</c>).</summary>
    public static IEnumerable<string> AllNames => Names.Concat([MafiaGamesBench.Name, AnalyticsBench.Name, EconomyGiftsBench.Name, MatchmakingBench.Name]);

    public static bool TryGet(string name, [NotNullWhen(true)] out IScenario? scenario) => Scenarios.TryGetValue(name, out scenario);
}
