using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Taxonomy;

namespace CleanGames.Application.Novels.Taxonomy.Common;

/// <summary>Tags or genres with their novel counts (0 for none), by name, then id for equal names.</summary>
public static class TaxonListing
{
    public static IReadOnlyList<TaxonCountModel> Of(IEnumerable<Taxon> taxa, IReadOnlyDictionary<Guid, int> counts, string lang) =>
        taxa.Select(t => new TaxonCountModel(t.Id.ToString(), t.NameIn(lang), t.Slug, counts.GetValueOrDefault(t.Id)))
            .OrderBy(t => t.Name, StringComparer.Ordinal)
            .ThenBy(t => t.Id, StringComparer.Ordinal)
            .ToList();
}
