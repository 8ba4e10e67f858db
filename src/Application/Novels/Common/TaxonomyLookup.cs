using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Taxonomy;

namespace CleanGames.Application.Novels.Common;

/// <summary>Loads the tags and genres a set of novels carries, two queries for any number of novels.</summary>
public sealed class TaxonomyLookup(IReadRepository<Tag> tags, IReadRepository<Genre> genres)
{
    public async Task<(IReadOnlyDictionary<Guid, Tag> Tags, IReadOnlyDictionary<Guid, Genre> Genres)> ForAsync(IReadOnlyCollection<Novel> novels, CancellationToken cancellationToken)
    {
        var tagIds = novels.SelectMany(n => n.Tags.Select(t => t.TagId)).Distinct().ToList();
        var genreIds = novels.SelectMany(n => n.Genres.Select(g => g.GenreId)).Distinct().ToList();
        var tagRows = tagIds.Count == 0 ? [] : await tags.ListAsync(new TaxaByIdsSpec<Tag>(tagIds), cancellationToken);
        var genreRows = genreIds.Count == 0 ? [] : await genres.ListAsync(new TaxaByIdsSpec<Genre>(genreIds), cancellationToken);
        return (tagRows.ToDictionary(t => t.Id), genreRows.ToDictionary(g => g.Id));
    }
}
