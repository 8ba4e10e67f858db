using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common.Text;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Taxonomy;
using MediatR;

namespace CleanGames.Application.Novels.Catalogue.Queries.ListNovels;

/// <summary>Seed 004 <c>GET /novels</c>.</summary>
public sealed record ListNovelsQuery(
    string? Lang,
    int? Page,
    int? PerPage,
    string? Sort,
    string? Order,
    string? Status,
    IReadOnlyList<string>? Genres,
    IReadOnlyList<string>? Tags,
    string? Search,
    int? YearFrom,
    int? YearTo) : IRequest<PagedBody<CataloguePage>>, IPagedRequest;

/// <summary><c>data</c> of <c>GET /novels</c>: the page's novels and what the whole catalogue can be filtered by.</summary>
public sealed record CataloguePage(IReadOnlyList<NovelModel> Novels, CatalogueFilters Filters);

/// <summary>Every genre and tag at least one novel has, and every release year, ascending.</summary>
public sealed record CatalogueFilters(IReadOnlyList<TaxonModel> Genres, IReadOnlyList<TaxonModel> Tags, IReadOnlyList<int> Years);

public sealed class ListNovelsQueryHandler(
    IReadRepository<Novel> novels,
    IReadRepository<Tag> tags,
    IReadRepository<Genre> genres,
    INovelCatalogStats stats,
    TaxonomyLookup taxonomy,
    NovelModelBuilder models) : IRequestHandler<ListNovelsQuery, PagedBody<CataloguePage>>
{
    public async Task<PagedBody<CataloguePage>> Handle(ListNovelsQuery request, CancellationToken cancellationToken)
    {
        var lang = request.Lang!;
        var page = NovelsPage.Of(request);
        var filters = await FiltersAsync(lang, cancellationToken);

        var tagSlugs = Distinct(request.Tags);
        var genreSlugs = Distinct(request.Genres);
        var tagIds = tagSlugs.Count == 0 ? [] : (await tags.ListAsync(new TaxaBySlugsSpec<Tag>(tagSlugs), cancellationToken)).Select(t => t.Id).ToList();
        var genreIds = genreSlugs.Count == 0 ? [] : (await genres.ListAsync(new TaxaBySlugsSpec<Genre>(genreSlugs), cancellationToken)).Select(g => g.Id).ToList();
        var search = string.IsNullOrWhiteSpace(request.Search) ? null : SearchText.Fold(request.Search.Trim());

        // Every listed slug must be on the novel: one that names no tag or genre matches nothing.
        if (tagIds.Count < tagSlugs.Count || genreIds.Count < genreSlugs.Count)
        {
            return Page([], page, 0, filters);
        }

        var filter = new CatalogueFilter(
            lang,
            request.Status is null ? null : NovelsRules.StatusOf(request.Status),
            tagIds,
            genreIds,
            search,
            request.YearFrom,
            request.YearTo,
            request.Sort ?? "updated_at",
            (request.Order ?? "desc") == "desc");
        var total = await novels.CountAsync(new CatalogueSpec(filter), cancellationToken);
        if (page.StartsAfter(total))
        {
            return Page([], page, total, filters);
        }

        var rows = await novels.ListAsync(new CatalogueSpec(filter, page.ReadSkip, page.Size), cancellationToken);
        var (tagMap, genreMap) = await taxonomy.ForAsync(rows, cancellationToken);
        return Page(rows.Select(n => models.Build(n, lang, tagMap, genreMap)).ToList(), page, total, filters);
    }

    private static PagedBody<CataloguePage> Page(IReadOnlyList<NovelModel> items, NovelsPage page, long total, CatalogueFilters filters) =>
        new(new CataloguePage(items, filters), page.Of(items, total));

    private async Task<CatalogueFilters> FiltersAsync(string lang, CancellationToken cancellationToken)
    {
        var perTag = await stats.NovelsPerTagAsync(cancellationToken);
        var perGenre = await stats.NovelsPerGenreAsync(cancellationToken);
        var usedTags = perTag.Count == 0 ? [] : await tags.ListAsync(new TaxaByIdsSpec<Tag>(perTag.Keys.ToList()), cancellationToken);
        var usedGenres = perGenre.Count == 0 ? [] : await genres.ListAsync(new TaxaByIdsSpec<Genre>(perGenre.Keys.ToList()), cancellationToken);
        return new CatalogueFilters(
            ByName(usedGenres.Select(g => TaxonModel.Of(g, lang))),
            ByName(usedTags.Select(t => TaxonModel.Of(t, lang))),
            await stats.ReleaseYearsAsync(cancellationToken));
    }

    private static List<TaxonModel> ByName(IEnumerable<TaxonModel> taxa) =>
        taxa.OrderBy(t => t.Name, StringComparer.Ordinal).ThenBy(t => t.Id, StringComparer.Ordinal).ToList();

    private static List<string> Distinct(IReadOnlyList<string>? slugs) =>
        slugs is null ? [] : slugs.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
}
