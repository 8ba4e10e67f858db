using System.Text.Json;
using System.Text.Json.Serialization;
using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>
/// <c>Kitchen/Data/kitchen-economy.json</c> (embedded): every number of the Kitchen economy. The
/// upgrades, ranks and locations are seeded into the database on start; the rules are read from here.
/// </summary>
internal sealed class KitchenEconomyFile
{
    private const string ResourceName = "CleanGames.Kitchen.Economy.json";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        RespectRequiredConstructorParameters = true,
        RespectNullableAnnotations = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false) },
    };

    private static readonly Lazy<KitchenEconomyFile> Embedded = new(Load);

    private KitchenEconomyFile(KitchenRules rules, IReadOnlyList<UpgradeDefinition> upgrades, IReadOnlyList<RankDefinition> ranks, IReadOnlyList<LocationDefinition> locations)
    {
        Rules = rules;
        Upgrades = upgrades;
        Ranks = ranks;
        Locations = locations;
    }

    public static KitchenEconomyFile Current => Embedded.Value;

    public KitchenRules Rules { get; }

    public IReadOnlyList<UpgradeDefinition> Upgrades { get; }

    public IReadOnlyList<RankDefinition> Ranks { get; }

    public IReadOnlyList<LocationDefinition> Locations { get; }

    /// <summary>A catalogue straight from the file (the database holds the same rows once seeded).</summary>
    public KitchenCatalog ToCatalog() => new(Rules, Upgrades, Ranks, Locations);

    private static KitchenEconomyFile Load()
    {
        using var stream = typeof(KitchenEconomyFile).Assembly.GetManifestResourceStream(ResourceName)
                           ?? throw new InvalidOperationException($"The embedded resource {ResourceName} is missing.");
        var file = JsonSerializer.Deserialize<FileModel>(stream, JsonOptions) ?? throw new InvalidOperationException("The Kitchen economy file is empty.");
        var rules = new KitchenRules(
            file.Rules.BaseCookPower,
            ToMilli(file.Rules.BaseDishPrice),
            ToMilli(file.Rules.XpPerCook),
            file.Rules.PrestigeThreshold,
            file.Rules.PrestigePointDivisor,
            file.Rules.PrestigeBoostPerPoint,
            file.Rules.TutorialSteps);
        var upgrades = file.Upgrades.Select((u, index) => new UpgradeDefinition(
            u.Id, u.Code, u.Name, u.Effect, u.EffectPerLevel, u.BasePrice, u.PriceGrowth, u.MaxLevel, u.RequiredRank, index + 1)).ToArray();
        var ranks = file.Ranks.Select(r => new RankDefinition(r.Rank, r.XpToNext)).ToArray();
        var locations = file.Locations.Select(l => new LocationDefinition(l.Id, l.Name, l.RequiredRank, l.PriceMultiplier)).ToArray();

        // Building a catalogue checks the file's consistency (ranks without gaps, a rank-1 location).
        _ = new KitchenCatalog(rules, upgrades, ranks, locations);
        return new KitchenEconomyFile(rules, upgrades, ranks, locations);
    }

    private static long ToMilli(decimal value) => (long)decimal.Round(value * 1000m);

    private sealed record FileModel(RulesModel Rules, IReadOnlyList<UpgradeModel> Upgrades, IReadOnlyList<RankModel> Ranks, IReadOnlyList<LocationModel> Locations);

    private sealed record RulesModel(
        long BaseCookPower,
        decimal BaseDishPrice,
        decimal XpPerCook,
        long PrestigeThreshold,
        long PrestigePointDivisor,
        decimal PrestigeBoostPerPoint,
        IReadOnlyList<string> TutorialSteps);

    private sealed record UpgradeModel(string Id, string Code, string Name, UpgradeEffect Effect, decimal EffectPerLevel, long BasePrice, decimal PriceGrowth, int MaxLevel, int RequiredRank);

    private sealed record RankModel(int Rank, long? XpToNext);

    private sealed record LocationModel(string Id, string Name, int RequiredRank, decimal PriceMultiplier);
}
