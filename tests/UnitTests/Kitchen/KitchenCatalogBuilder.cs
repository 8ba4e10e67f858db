using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.UnitTests.Kitchen;

/// <summary>
/// A small catalogue with round numbers, so that every expectation can be worked out by hand:
/// one cook makes 1 dish and 1 xp, a dish sells for 5 coins, prestige needs 1 000 000 coins in a
/// run, ranks need 10, 20, 30, 40 xp (rank 5 is the top), the street stall (×1) is open at rank 1
/// and the restaurant (×2) at rank 3.
/// </summary>
internal sealed class KitchenCatalogBuilder
{
    /// <summary>Click power +1 per level; 10 coins ×1.5 per level; 5 levels; rank 1.</summary>
    public const string Knife = "1";

    /// <summary>Dish price +50% per level; 20 coins ×2 per level; 3 levels; rank 1.</summary>
    public const string Spices = "2";

    /// <summary>Auto-cook 2 dishes a second per level; 50 coins ×1.2; 10 levels; rank 1.</summary>
    public const string Robot = "3";

    /// <summary>Auto-sell 1 dish a second per level; 50 coins ×1.2; 10 levels; rank 1.</summary>
    public const string Waiter = "4";

    /// <summary>Xp +50% per level; 30 coins ×1.1; 3 levels; rank 2.</summary>
    public const string Cookbook = "5";

    public const string StreetStall = "street_stall";
    public const string Restaurant = "restaurant";

    public static readonly IReadOnlyList<string> TutorialSteps = ["cook", "sell", "upgrade_buy", "level_up"];

    private readonly List<RankDefinition> _ranks =
    [
        new(1, 10),
        new(2, 20),
        new(3, 30),
        new(4, 40),
        new(5, null),
    ];

    private readonly List<LocationDefinition> _locations =
    [
        new(StreetStall, "Street stall", 1, 1m),
        new(Restaurant, "Restaurant", 3, 2m),
    ];

    public static KitchenRules Rules => new(
        BaseCookPower: 1,
        BaseDishPriceMilli: 5_000,
        XpPerCookMilli: 1_000,
        PrestigeThreshold: 1_000_000,
        PrestigePointDivisor: 10_000,
        PrestigeBoostPerPoint: 0.02m,
        TutorialSteps: TutorialSteps);

    public static KitchenCatalog Default() => new KitchenCatalogBuilder().Build();

    public static IReadOnlyList<UpgradeDefinition> Upgrades() =>
    [
        new(Knife, "knife", "Sharp knife", UpgradeEffect.ClickPower, 1m, 10, 1.5m, 5, 1, 1),
        new(Spices, "spices", "Spice rack", UpgradeEffect.Price, 0.5m, 20, 2m, 3, 1, 2),
        new(Robot, "robot", "Kitchen robot", UpgradeEffect.AutoCook, 2m, 50, 1.2m, 10, 1, 3),
        new(Waiter, "waiter", "Waiter", UpgradeEffect.AutoSell, 1m, 50, 1.2m, 10, 1, 4),
        new(Cookbook, "cookbook", "Cookbook", UpgradeEffect.Xp, 0.5m, 30, 1.1m, 3, 2, 5),
    ];

    /// <summary>Replaces the ranks: rank i + 1 needs <paramref name="xpToNext"/>[i] xp.</summary>
    public KitchenCatalogBuilder WithRanks(params long?[] xpToNext)
    {
        _ranks.Clear();
        _ranks.AddRange(xpToNext.Select((xp, i) => new RankDefinition(i + 1, xp)));
        return this;
    }

    public KitchenCatalogBuilder WithRankDefinitions(params RankDefinition[] ranks)
    {
        _ranks.Clear();
        _ranks.AddRange(ranks);
        return this;
    }

    public KitchenCatalogBuilder WithLocations(params LocationDefinition[] locations)
    {
        _locations.Clear();
        _locations.AddRange(locations);
        return this;
    }

    public KitchenCatalog Build() => new(Rules, Upgrades(), _ranks, _locations);
}
