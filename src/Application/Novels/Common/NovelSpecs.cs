using Ardalis.Specification;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Taxonomy;

namespace CleanGames.Application.Novels.Common;

public sealed class NovelBySlugSpec : Specification<Novel>, ISingleResultSpecification<Novel>
{
    public NovelBySlugSpec(string slug, bool track = false)
    {
        Query.Where(n => n.Slug == slug);
        if (!track)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class NovelByIdSpec : Specification<Novel>, ISingleResultSpecification<Novel>
{
    public NovelByIdSpec(Guid id, bool track = false)
    {
        Query.Where(n => n.Id == id);
        if (!track)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class NovelsByIdsSpec : Specification<Novel>
{
    public NovelsByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(n => ids.Contains(n.Id));
}

/// <summary>The id and <c>views_daily</c> of novels whose figure is not zero: those the views job may have to bring down.</summary>
public sealed class NovelsWithDailyViewsSpec : Specification<Novel, NovelDailyViews>
{
    public NovelsWithDailyViewsSpec() => Query.Where(n => n.ViewsDaily > 0).AsNoTracking().Select(n => new NovelDailyViews(n.Id, n.ViewsDaily));
}

public sealed record NovelDailyViews(Guid Id, long ViewsDaily);

public sealed class NovelsWithTagSpec : Specification<Novel>
{
    public NovelsWithTagSpec(Guid tagId) => Query.Where(n => n.Tags.Any(t => t.TagId == tagId));
}

public sealed class NovelsWithGenreSpec : Specification<Novel>
{
    public NovelsWithGenreSpec(Guid genreId) => Query.Where(n => n.Genres.Any(g => g.GenreId == genreId));
}

public sealed class TaxaByIdsSpec<T> : Specification<T>
    where T : Taxon
{
    public TaxaByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(t => ids.Contains(t.Id)).AsNoTracking();
}

public sealed class TaxaBySlugsSpec<T> : Specification<T>
    where T : Taxon
{
    public TaxaBySlugsSpec(IReadOnlyCollection<string> slugs, bool track = false)
    {
        Query.Where(t => slugs.Contains(t.Slug));
        if (!track)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class TaxonByIdSpec<T> : Specification<T>, ISingleResultSpecification<T>
    where T : Taxon
{
    public TaxonByIdSpec(Guid id) => Query.Where(t => t.Id == id);
}

public sealed class AllTaxaSpec<T> : Specification<T>
    where T : Taxon
{
    public AllTaxaSpec() => Query.AsNoTracking();
}

public sealed class ChapterByIdSpec : Specification<Chapter>, ISingleResultSpecification<Chapter>
{
    public ChapterByIdSpec(Guid id, bool track = false)
    {
        Query.Where(c => c.Id == id);
        if (!track)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class ChaptersByIdsSpec : Specification<Chapter>
{
    public ChaptersByIdsSpec(IReadOnlyCollection<Guid> ids) => Query.Where(c => ids.Contains(c.Id));
}

/// <summary>The chapter just before (<paramref name="after"/> false) or after a number in a novel, as a link.</summary>
public sealed class ChapterNeighbourSpec : Specification<Chapter, ChapterLinkRow>, ISingleResultSpecification<Chapter, ChapterLinkRow>
{
    public ChapterNeighbourSpec(Guid novelId, int number, bool after)
    {
        if (after)
        {
            Query.Where(c => c.NovelId == novelId && c.Number > number).OrderBy(c => c.Number);
        }
        else
        {
            Query.Where(c => c.NovelId == novelId && c.Number < number).OrderByDescending(c => c.Number);
        }

        Query.Take(1).AsNoTracking().Select(c => new ChapterLinkRow(c.Id, c.Number, c.Title));
    }
}

public sealed record ChapterLinkRow(Guid Id, int Number, string Title);

/// <summary>A novel's chapters in a page, without their texts (<c>GET /novels/{slug}/chapters</c>).</summary>
public sealed class NovelChaptersPageSpec : Specification<Chapter, ChapterRow>
{
    public NovelChaptersPageSpec(Guid novelId, string sort, bool descending, int skip = 0, int take = 0)
    {
        Query.Where(c => c.NovelId == novelId);
        switch (sort, descending)
        {
            case ("created_at", false): Query.OrderBy(c => c.CreatedAt).ThenBy(c => c.Id); break;
            case ("created_at", true): Query.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id); break;
            case ("views", false): Query.OrderBy(c => c.Views).ThenBy(c => c.Id); break;
            case ("views", true): Query.OrderByDescending(c => c.Views).ThenBy(c => c.Id); break;
            case (_, false): Query.OrderBy(c => c.Number).ThenBy(c => c.Id); break;
            default: Query.OrderByDescending(c => c.Number).ThenBy(c => c.Id); break;
        }

        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.AsNoTracking().Select(c => new ChapterRow(c.Id, c.NovelId, c.Number, c.Slug, c.Title, c.PublishedAt, c.Views, c.CommentsCount, c.CreatedAt));
    }
}

public sealed record ChapterRow(Guid Id, Guid NovelId, int Number, string? Slug, string Title, DateTimeOffset PublishedAt, long Views, int CommentsCount, DateTimeOffset CreatedAt)
{
    public ChapterModel ToModel() => new(Id.ToString(), NovelId.ToString(), Number, Slug, Title, PublishedAt, Views, CommentsCount, CreatedAt);
}

public sealed class ChapterByNumberSpec : Specification<Chapter>
{
    public ChapterByNumberSpec(Guid novelId, int number) => Query.Where(c => c.NovelId == novelId && c.Number == number);
}

public sealed class NovelViewHoursSpec : Specification<Domain.Novels.Views.NovelViewHour>
{
    public NovelViewHoursSpec(IReadOnlyCollection<Guid> novelIds, DateTimeOffset from) =>
        Query.Where(h => novelIds.Contains(h.NovelId) && h.HourStart >= from);
}
