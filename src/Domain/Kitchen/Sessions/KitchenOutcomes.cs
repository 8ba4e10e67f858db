using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.Domain.Kitchen.Sessions;

public readonly record struct CookOutcome(long DishesCooked, long XpGainedMilli);

public readonly record struct SaleOutcome(long DishesSold, long MoneyEarned);

/// <summary>
/// What automation did over one accounting: the whole seconds since the last accounting, the
/// seconds credited (capped for long absences), and the dishes cooked, sold and money earned.
/// </summary>
public readonly record struct AutomationReceipt(long Seconds, long CreditedSeconds, long DishesCooked, long DishesSold, long MoneyEarned)
{
    public static AutomationReceipt None => default;
}

public sealed record PurchaseOutcome(UpgradeDefinition Upgrade, int Level, long Price);

public readonly record struct LevelProgress(int Rank, long XpMilli, long? XpToNextMilli)
{
    public bool IsTopRank => XpToNextMilli is null;

    public bool CanLevelUp => XpToNextMilli is { } needed && XpMilli >= needed;

    public long RemainingMilli => XpToNextMilli is { } needed ? Math.Max(0, needed - XpMilli) : 0;
}

public sealed record LevelUpOutcome(int PreviousRank, int Rank, IReadOnlyList<UpgradeDefinition> UnlockedUpgrades, LocationDefinition? UnlockedLocation);

public readonly record struct PrestigeOutcome(long PointsGained, long RunEarnings);
