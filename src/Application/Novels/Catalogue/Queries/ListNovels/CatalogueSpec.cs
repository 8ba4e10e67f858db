using System.Linq.Expressions;
using Ardalis.Specification;
using CleanGames.Domain.Novels.Catalogue;

namespace CleanGames.Application.Novels.Catalogue.Queries.ListNovels;

/// <summary>What a catalogue page asks for, with tag and genre slugs already resolved to ids.</summary>
public sealed record CatalogueFilter(
    string Lang,
    TranslationStatus? Status,
    IReadOnlyList<Guid> TagIds,
    IReadOnlyList<Guid> GenreIds,
    string? FoldedSearch,
    int? YearFrom,
    int? YearTo,
    string Sort,
    bool Descending);

/// <summary>
/// <c>GET /novels</c>: every filter in the store. A search is matched against the folded texts of
/// the localization the novel is shown in (the requested language, else its first); novels whose
/// title matches come first, then the requested order, then the id, so pages never overlap.
/// </summary>
public sealed class CatalogueSpec : Specification<Novel>
{
    public CatalogueSpec(CatalogueFilter filter, int skip = 0, int take = 0)
    {
        if (filter.Status is { } status)
        {
            Query.Where(n => n.TranslationStatus == status);
        }

        foreach (var tagId in filter.TagIds)
        {
            Query.Where(n => n.Tags.Any(t => t.TagId == tagId));
        }

        foreach (var genreId in filter.GenreIds)
        {
            Query.Where(n => n.Genres.Any(g => g.GenreId == genreId));
        }

        if (filter.YearFrom is { } from)
        {
            Query.Where(n => n.ReleaseYear >= from);
        }

        if (filter.YearTo is { } to)
        {
            Query.Where(n => n.ReleaseYear <= to);
        }

        var lang = filter.Lang;
        if (filter.FoldedSearch is { Length: > 0 } q)
        {
            Query.Where(n => n.Localizations.Any(l =>
                (l.Lang == lang || (l.Position == 0 && !n.Localizations.Any(x => x.Lang == lang)))
                && (l.SearchTitle.Contains(q) || l.SearchAltTitles.Contains(q) || l.SearchAuthor.Contains(q))));
            Expression<Func<Novel, object?>> titleFirst = n => n.Localizations.Any(l =>
                (l.Lang == lang || (l.Position == 0 && !n.Localizations.Any(x => x.Lang == lang)))
                && l.SearchTitle.Contains(q)) ? 0 : 1;
            var ordered = Query.OrderBy(titleFirst);
            _ = filter.Descending ? ordered.ThenByDescending(Key(filter.Sort)).ThenBy(n => n.Id) : ordered.ThenBy(Key(filter.Sort)).ThenBy(n => n.Id);
        }
        else
        {
            _ = filter.Descending ? Query.OrderByDescending(Key(filter.Sort)).ThenBy(n => n.Id) : Query.OrderBy(Key(filter.Sort)).ThenBy(n => n.Id);
        }

        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.AsNoTracking();
    }

    public static readonly IReadOnlyList<string> Sorts = ["updated_at", "created_at", "views_daily", "views_total", "rating", "bookmarks_count"];

    private static Expression<Func<Novel, object?>> Key(string sort) => sort switch
    {
        "created_at" => n => n.CreatedAt,
        "views_daily" => n => n.ViewsDaily,
        "views_total" => n => n.ViewsTotal,
        "rating" => n => n.Rating,
        "bookmarks_count" => n => n.BookmarksCount,
        _ => n => n.UpdatedAt,
    };
}
