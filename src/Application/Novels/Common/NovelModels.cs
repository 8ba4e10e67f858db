using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Taxonomy;

namespace CleanGames.Application.Novels.Common;

/// <summary>Seed 004 <c>Tag</c> / <c>Genre</c> inside a novel and in <c>filters</c>.</summary>
public sealed record TaxonModel(string Id, string Name, string Slug)
{
    public static TaxonModel Of(Taxon taxon, string? lang) => new(taxon.Id.ToString(), taxon.NameIn(lang), taxon.Slug);
}

/// <summary><c>GET /tags</c>, <c>GET /genres</c> items: a Tag or Genre with how many novels the catalogue lists for it.</summary>
public sealed record TaxonCountModel(string Id, string Name, string Slug, int NovelsCount);

/// <summary>
/// Seed 004 <c>Novel</c>, its texts in the requested language, plus <c>served_lang</c>: the language
/// they are really in (the first localization when the novel has none in the requested one).
/// </summary>
public record NovelModel(
    string Id,
    string Slug,
    string? CoverImageUrl,
    TranslationStatus TranslationStatus,
    int? OriginalChaptersCount,
    int? ReleaseYear,
    long ViewsDaily,
    long ViewsTotal,
    double Rating,
    int RatingCount,
    int BookmarksCount,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    string Title,
    string? Description,
    IReadOnlyList<string> AltTitles,
    string? Author,
    IReadOnlyList<TaxonModel> Tags,
    IReadOnlyList<TaxonModel> Genres,
    string ServedLang);

/// <summary>
/// Seed 004 <c>NovelDetail</c>: the <c>Novel</c> plus its chapter figures and, for a signed-in
/// caller, their progress and bookmark on it (null, keys present, for anyone else or without one).
/// </summary>
public sealed record NovelDetailModel : NovelModel
{
    public NovelDetailModel(NovelModel novel, int chaptersPublished, DateTimeOffset? lastChapterAt)
        : base(novel)
    {
        ChaptersPublished = chaptersPublished;
        LastChapterAt = lastChapterAt;
    }

    public int ChaptersPublished { get; }

    public DateTimeOffset? LastChapterAt { get; }

    public ReadingProgressModel? UserProgress { get; init; }

    public BookmarkModel? UserBookmark { get; init; }
}

/// <summary>Seed 004 <c>Chapter</c>.</summary>
public sealed record ChapterModel(
    string Id,
    string NovelId,
    int Number,
    string? Slug,
    string Title,
    DateTimeOffset PublishedAt,
    long Views,
    int CommentsCount,
    DateTimeOffset CreatedAt)
{
    public static ChapterModel Of(Chapter c) =>
        new(c.Id.ToString(), c.NovelId.ToString(), c.Number, c.Slug, c.Title, c.PublishedAt, c.Views, c.CommentsCount, c.CreatedAt);
}

/// <summary>A neighbouring chapter: <c>{id, number, title}</c>.</summary>
public sealed record ChapterLink(string Id, int Number, string Title);

/// <summary>Seed 004 <c>ChapterContent</c>.</summary>
public sealed record ChapterContentModel(
    string Id,
    string NovelId,
    int Number,
    string? Slug,
    string Title,
    DateTimeOffset PublishedAt,
    long Views,
    int CommentsCount,
    DateTimeOffset CreatedAt,
    string Content,
    ChapterSource Source,
    int WordCount,
    int ReadingTimeMinutes,
    ChapterLink? PrevChapter,
    ChapterLink? NextChapter);

/// <summary>Builds <see cref="NovelModel"/>s from novels and the tags and genres they carry.</summary>
public sealed class NovelModelBuilder(INovelLinks links)
{
    public NovelModel Build(Novel novel, string? lang, IReadOnlyDictionary<Guid, Tag> tags, IReadOnlyDictionary<Guid, Genre> genres)
    {
        var text = novel.Localized(lang);
        return new NovelModel(
            novel.Id.ToString(),
            novel.Slug,
            novel.HasCover ? links.CoverUrl(novel.Id) : null,
            novel.TranslationStatus,
            novel.OriginalChaptersCount,
            novel.ReleaseYear,
            novel.ViewsDaily,
            novel.ViewsTotal,
            novel.Rating,
            novel.RatingCount,
            novel.BookmarksCount,
            novel.CreatedAt,
            novel.UpdatedAt,
            text.Title,
            text.Description,
            text.AltTitles.ToList(),
            text.Author,
            novel.Tags.OrderBy(t => t.Position).Where(t => tags.ContainsKey(t.TagId)).Select(t => TaxonModel.Of(tags[t.TagId], lang)).ToList(),
            novel.Genres.OrderBy(g => g.Position).Where(g => genres.ContainsKey(g.GenreId)).Select(g => TaxonModel.Of(genres[g.GenreId], lang)).ToList(),
            text.Lang);
    }

    public NovelDetailModel Detail(Novel novel, string? lang, IReadOnlyDictionary<Guid, Tag> tags, IReadOnlyDictionary<Guid, Genre> genres) =>
        new(Build(novel, lang, tags, genres), novel.ChaptersPublished, novel.LastChapterAt);
}
