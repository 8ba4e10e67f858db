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

    public static bool TryGet(string name, [NotNullWhen(true)] out IScenario? scenario) => Scenarios.TryGetValue(name, out scenario);
}
