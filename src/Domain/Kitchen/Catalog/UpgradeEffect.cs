namespace CleanGames.Domain.Kitchen.Catalog;

/// <summary>What one level of an upgrade does.</summary>
public enum UpgradeEffect
{
    /// <summary>More dishes per <c>cook</c> (added to the base cooking power).</summary>
    ClickPower,

    /// <summary>A higher dish price (a fraction added to the price multiplier).</summary>
    Price,

    /// <summary>Dishes cooked per second by automation.</summary>
    AutoCook,

    /// <summary>Dishes sold per second by automation.</summary>
    AutoSell,

    /// <summary>More xp per <c>cook</c> (a fraction added to the xp multiplier).</summary>
    Xp,
}
