using CleanGames.Domain.Common;

namespace CleanGames.Application.Novels.Common;

/// <summary>The Novels use cases' refusals. The Novels dialect answers each in seed 004's words (<c>NOVEL_NOT_FOUND</c>, ...).</summary>
public static class NovelsErrors
{
    public static readonly DomainError NovelNotFound = DomainError.NotFound("novels.novel.not_found", "Novel not found.");
    public static readonly DomainError ChapterNotFound = DomainError.NotFound("novels.chapter.not_found", "Chapter not found.");
    public static readonly DomainError TagNotFound = DomainError.NotFound("novels.tag.not_found", "Tag not found.");
    public static readonly DomainError GenreNotFound = DomainError.NotFound("novels.genre.not_found", "Genre not found.");
    public static readonly DomainError BookmarkNotFound = DomainError.NotFound("novels.bookmark.not_found", "Bookmark not found.");
    public static readonly DomainError CoverNotFound = DomainError.NotFound("novels.cover.not_found", "Cover not found.");
    public static readonly DomainError SlugTaken = DomainError.RuleBroken("novels.novel.slug_taken", "A novel with this slug already exists.");
    public static readonly DomainError TaxonSlugTaken = DomainError.RuleBroken("novels.taxon.slug_taken", "Another tag or genre already has this slug.");
    public static readonly DomainError ChapterNumberTaken = DomainError.RuleBroken("novels.chapter.number_taken", "The novel already has a chapter with this number.");
}
