using System.Collections.Frozen;

namespace CleanGames.Domain.Kitchen.Catalog;

/// <summary>
/// The whole economy a session plays by: rules, upgrades, ranks and locations. Immutable once
/// built; every session reads the same instance.
/// </summary>
public sealed class KitchenCatalog
{
    private readonly FrozenDictionary<string, UpgradeDefinition> _upgradesById;
    private readonly long?[] _xpToNextByRank;

    public KitchenCatalog(KitchenRules rules, IEnumerable<UpgradeDefinition> upgrades, IEnumerable<RankDefinition> ranks, IEnumerable<LocationDefinition> locations)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        Rules = rules;
        Upgrades = upgrades.OrderBy(u => u.SortOrder).ThenBy(u => u.Id, StringComparer.Ordinal).ToArray();
        _upgradesById = Upgrades.ToFrozenDictionary(u => u.Id, StringComparer.Ordinal);
        Ranks = ranks.OrderBy(r => r.Rank).ToArray();
        Locations = locations.OrderBy(l => l.RequiredRank).ThenBy(l => l.Id, StringComparer.Ordinal).ToArray();

        if (Ranks.Count == 0 || Locations.Count == 0)
        {
            throw new ArgumentException("A catalogue needs at least one rank and one location.");
        }

        for (var i = 0; i < Ranks.Count; i++)
        {
            var isTop = i == Ranks.Count - 1;
            if (Ranks[i].Rank != i + 1 || (Ranks[i].XpToNext is null) != isTop)
            {
                throw new ArgumentException("Ranks run 1..N without gaps, and only the top rank has no xp to next.");
            }
        }

        if (Locations[0].RequiredRank != 1)
        {
            throw new ArgumentException("The first location must be open at rank 1.");
        }

        _xpToNextByRank = Ranks.Select(r => r.XpToNext).ToArray();
    }

    public KitchenRules Rules { get; }

    public IReadOnlyList<UpgradeDefinition> Upgrades { get; }

    public IReadOnlyList<RankDefinition> Ranks { get; }

    public IReadOnlyList<LocationDefinition> Locations { get; }

    public int TopRank => Ranks.Count;

    public UpgradeDefinition? FindUpgrade(string id) => _upgradesById.GetValueOrDefault(id);

    /// <summary>The xp to collect at <paramref name="rank"/> to reach the next rank; null at the top.</summary>
    public long? XpToNext(int rank) => rank >= 1 && rank <= _xpToNextByRank.Length ? _xpToNextByRank[rank - 1] : null;

    /// <summary>The best location open at <paramref name="rank"/>.</summary>
    public LocationDefinition LocationFor(int rank)
    {
        var best = Locations[0];
        foreach (var location in Locations)
        {
            if (location.RequiredRank <= rank)
            {
                best = location;
            }
        }

        return best;
    }
}
