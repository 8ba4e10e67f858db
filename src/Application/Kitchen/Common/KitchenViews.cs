using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.Application.Kitchen.Common;

/// <summary>
/// The seed's <c>session</c> object: <c>user_id</c>, <c>user_email</c>, <c>money</c>, <c>dishes</c>,
/// <c>level</c>, <c>prestige</c>, <c>upgrades</c> as the seed writes them, plus what the game adds
/// (the location, the tutorial step, the derived rates, and <c>revision</c>, which grows with every
/// change so a client can drop a pushed state older than one it has).
/// </summary>
public sealed record KitchenSessionView(
    long UserId,
    string UserEmail,
    long Money,
    long Dishes,
    KitchenLevelView Level,
    KitchenPrestigeView Prestige,
    KitchenUpgradesView Upgrades,
    KitchenLocationView Location,
    KitchenTutorialView Tutorial,
    KitchenStatsView Stats,
    long Revision);

/// <summary><c>xp</c> is collected at the current rank; <c>xp_required</c> is what the next rank needs (null at the top).</summary>
public sealed record KitchenLevelView(int Rank, double Xp, double? XpRequired, int TopRank);

/// <summary>
/// <c>current_value</c>: prestige points owned; <c>current_boost_value</c>: the permanent price boost
/// they give (0.2 = +20%); <c>accumulated_value</c>: points a reset now would add.
/// </summary>
public sealed record KitchenPrestigeView(long CurrentValue, double CurrentBoostValue, long AccumulatedValue, bool CanReset, long RunEarnings, long ResetThreshold, long LifetimeEarnings);

/// <summary><c>available</c>: upgrades the rank allows that are not maxed; <c>current</c>: upgrades owned.</summary>
public sealed record KitchenUpgradesView(IReadOnlyList<KitchenUpgradeView> Available, IReadOnlyList<KitchenUpgradeView> Current);

/// <summary>One upgrade; <c>price</c> is the price of its next level (null once maxed).</summary>
public sealed record KitchenUpgradeView(string Id, string Code, string Name, string Effect, double EffectPerLevel, int Level, int MaxLevel, int RequiredRank, long? Price);

public sealed record KitchenLocationView(string Id, string Name, int RequiredRank, double PriceMultiplier);

/// <summary><c>step</c> counts finished steps; <c>action</c> is the request type the current step asks for (null when completed).</summary>
public sealed record KitchenTutorialView(int Step, string? Action, int Steps, bool Completed);

/// <summary>What the current upgrades, location and prestige add up to; <c>dish_price</c> is in coins.</summary>
public sealed record KitchenStatsView(long CookPower, double DishPrice, double XpPerCook, double AutoCookPerSecond, double AutoSellPerSecond);

public sealed record KitchenRankView(int Rank, double? XpRequired);

/// <summary>The session after a change, as the account's other connections receive it.</summary>
public sealed record KitchenBroadcast(KitchenSessionView Session);

public static class KitchenViews
{
    public const string Topic = "kitchen";

    public static KitchenSessionView Session(LiveKitchenSession live, KitchenCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(catalog);
        var session = live.Session;
        var available = new List<KitchenUpgradeView>();
        var current = new List<KitchenUpgradeView>();
        foreach (var upgrade in catalog.Upgrades)
        {
            var level = session.LevelOf(upgrade.Id);
            var view = Upgrade(upgrade, level);
            if (level > 0)
            {
                current.Add(view);
            }

            if (level < upgrade.MaxLevel && upgrade.RequiredRank <= session.Rank)
            {
                available.Add(view);
            }
        }

        var tutorialSteps = catalog.Rules.TutorialSteps.Count;
        return new KitchenSessionView(
            session.Id,
            live.Email,
            session.Money,
            session.Dishes,
            new KitchenLevelView(session.Rank, Xp(session.XpMilli), catalog.XpToNext(session.Rank), catalog.TopRank),
            new KitchenPrestigeView(
                session.PrestigePoints,
                (double)session.PrestigeBoost(catalog),
                session.PendingPrestigePoints(catalog),
                session.CanResetForPrestige(catalog),
                session.RunEarnings,
                catalog.Rules.PrestigeThreshold,
                session.LifetimeEarnings),
            new KitchenUpgradesView(available, current),
            Location(session.Location(catalog)),
            new KitchenTutorialView(Math.Min(session.TutorialStep, tutorialSteps), session.CurrentTutorialStep(catalog), tutorialSteps, session.TutorialCompleted(catalog)),
            new KitchenStatsView(
                session.CookPower(catalog),
                session.DishPriceMilli(catalog) / 1000.0,
                Xp((long)decimal.Floor(catalog.Rules.XpPerCookMilli * session.XpMultiplier(catalog))),
                (double)session.AutoCookPerSecond(catalog),
                (double)session.AutoSellPerSecond(catalog)),
            session.Revision);
    }

    public static KitchenUpgradeView Upgrade(UpgradeDefinition upgrade, int level) => new(
        upgrade.Id,
        upgrade.Code,
        upgrade.Name,
        EffectName(upgrade.Effect),
        (double)upgrade.EffectPerLevel,
        level,
        upgrade.MaxLevel,
        upgrade.RequiredRank,
        upgrade.PriceOfNextLevel(level));

    public static KitchenRankView Rank(RankDefinition rank) => new(rank.Rank, rank.XpToNext);

    public static KitchenLocationView Location(LocationDefinition location) =>
        new(location.Id, location.Name, location.RequiredRank, (double)location.PriceMultiplier);

    /// <summary>Xp on the wire is a number of whole and fractional points (stored in thousandths).</summary>
    public static double Xp(long milli) => milli / 1000.0;

    public static string EffectName(UpgradeEffect effect) => effect switch
    {
        UpgradeEffect.ClickPower => "click_power",
        UpgradeEffect.Price => "price",
        UpgradeEffect.AutoCook => "auto_cook",
        UpgradeEffect.AutoSell => "auto_sell",
        UpgradeEffect.Xp => "xp",
        _ => throw new ArgumentOutOfRangeException(nameof(effect)),
    };
}
