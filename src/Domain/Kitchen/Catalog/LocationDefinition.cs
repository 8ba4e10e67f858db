using CleanGames.Domain.Common;

namespace CleanGames.Domain.Kitchen.Catalog;

/// <summary>A place to cook, unlocked by rank; the best unlocked one multiplies the dish price.</summary>
public sealed class LocationDefinition : Entity<string>
{
    public const int MaxIdLength = 64;
    public const int MaxNameLength = 128;

    private LocationDefinition()
    {
        Name = string.Empty;
    }

    public LocationDefinition(string id, string name, int requiredRank, decimal priceMultiplier)
        : base(id)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(requiredRank);
        ArgumentOutOfRangeException.ThrowIfLessThan(priceMultiplier, 1m);
        Name = name;
        RequiredRank = requiredRank;
        PriceMultiplier = priceMultiplier;
    }

    public string Name { get; private set; }

    public int RequiredRank { get; private set; }

    public decimal PriceMultiplier { get; private set; }

    public bool UpdateFrom(LocationDefinition source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var changed = Name != source.Name || RequiredRank != source.RequiredRank || PriceMultiplier != source.PriceMultiplier;
        (Name, RequiredRank, PriceMultiplier) = (source.Name, source.RequiredRank, source.PriceMultiplier);
        return changed;
    }
}
