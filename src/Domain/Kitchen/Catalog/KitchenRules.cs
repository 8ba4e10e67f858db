namespace CleanGames.Domain.Kitchen.Catalog;

/// <summary>
/// The economy's constants (from the data file): base cooking power, the base dish price in
/// thousandths of a coin, xp per cook in thousandths, the prestige threshold and conversion, and
/// the tutorial's steps (request types, in order).
/// </summary>
public sealed record KitchenRules(
    long BaseCookPower,
    long BaseDishPriceMilli,
    long XpPerCookMilli,
    long PrestigeThreshold,
    long PrestigePointDivisor,
    decimal PrestigeBoostPerPoint,
    IReadOnlyList<string> TutorialSteps)
{
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BaseCookPower);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(BaseDishPriceMilli);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(XpPerCookMilli);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PrestigeThreshold);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(PrestigePointDivisor);
        ArgumentOutOfRangeException.ThrowIfNegative(PrestigeBoostPerPoint);
        ArgumentNullException.ThrowIfNull(TutorialSteps);
    }
}
