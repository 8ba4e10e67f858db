using CleanGames.Domain.Common;

namespace CleanGames.Domain.Kitchen.Catalog;

/// <summary>
/// One upgrade of the catalogue (reference data). The price of the next level grows
/// geometrically with the levels owned: <c>floor(BasePrice × PriceGrowth^level)</c>.
/// </summary>
public sealed class UpgradeDefinition : Entity<string>
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 128;

    private long[]? _prices;

    private UpgradeDefinition()
    {
        Code = string.Empty;
        Name = string.Empty;
    }

    public UpgradeDefinition(string id, string code, string name, UpgradeEffect effect, decimal effectPerLevel, long basePrice, decimal priceGrowth, int maxLevel, int requiredRank, int sortOrder)
        : base(id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(effectPerLevel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(basePrice);
        ArgumentOutOfRangeException.ThrowIfLessThan(priceGrowth, 1m);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxLevel);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requiredRank);
        Code = code;
        Name = name;
        Effect = effect;
        EffectPerLevel = effectPerLevel;
        BasePrice = basePrice;
        PriceGrowth = priceGrowth;
        MaxLevel = maxLevel;
        RequiredRank = requiredRank;
        SortOrder = sortOrder;
    }

    /// <summary>A readable key (<c>knife</c>); <see cref="Entity{TId}.Id"/> is the numeric string clients send.</summary>
    public string Code { get; private set; }

    public string Name { get; private set; }

    public UpgradeEffect Effect { get; private set; }

    /// <summary>Dishes per cook or per second (click power, automation), or a fraction (price, xp).</summary>
    public decimal EffectPerLevel { get; private set; }

    public long BasePrice { get; private set; }

    public decimal PriceGrowth { get; private set; }

    public int MaxLevel { get; private set; }

    public int RequiredRank { get; private set; }

    public int SortOrder { get; private set; }

    /// <summary>The price of the level after <paramref name="ownedLevel"/>; null once the upgrade is maxed.</summary>
    public long? PriceOfNextLevel(int ownedLevel)
    {
        // Prices are read on every response that lists upgrades, so the table is computed once.
        var prices = _prices ??= ComputePrices();
        return ownedLevel >= 0 && ownedLevel < prices.Length ? prices[ownedLevel] : null;
    }

    /// <summary>Copies the data-file values onto a stored row (reference data is re-seeded on every start).</summary>
    public bool UpdateFrom(UpgradeDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var changed = Code != source.Code || Name != source.Name || Effect != source.Effect || EffectPerLevel != source.EffectPerLevel || BasePrice != source.BasePrice
                      || PriceGrowth != source.PriceGrowth || MaxLevel != source.MaxLevel || RequiredRank != source.RequiredRank || SortOrder != source.SortOrder;
        Code = source.Code;
        (Name, Effect, EffectPerLevel, BasePrice, PriceGrowth, MaxLevel, RequiredRank, SortOrder) =
            (source.Name, source.Effect, source.EffectPerLevel, source.BasePrice, source.PriceGrowth, source.MaxLevel, source.RequiredRank, source.SortOrder);
        _prices = null;
        return changed;
    }

    private long[] ComputePrices()
    {
        var prices = new long[MaxLevel];
        var price = (decimal)BasePrice;
        for (var level = 0; level < MaxLevel; level++)
        {
            prices[level] = price >= long.MaxValue ? long.MaxValue : (long)decimal.Floor(price);
            price = price >= long.MaxValue ? price : price * PriceGrowth;
        }

        return prices;
    }
}
