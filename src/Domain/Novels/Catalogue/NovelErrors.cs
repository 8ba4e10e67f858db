using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>The catalogue's rules (the use cases' refusals are <c>NovelsErrors</c> in Application).</summary>
public static class NovelErrors
{
    public static readonly DomainError UnknownLanguage = DomainError.Invalid("novels.novel.unknown_language", "The language is not one of ru, en, zh, ja, ko, fr, de.");
    public static readonly DomainError TitleRequired = DomainError.Invalid("novels.novel.title_required", "A localization needs a title.");
    public static readonly DomainError NoLocalization = DomainError.Invalid("novels.novel.no_localization", "A novel needs at least one localization.");
    public static readonly DomainError DuplicateLanguage = DomainError.Invalid("novels.novel.duplicate_language", "Each language may be localized once.");
    public static readonly DomainError InvalidSlug = DomainError.Invalid("novels.novel.invalid_slug", "A slug is lowercase letters, digits and hyphens.");
    public static readonly DomainError NegativeViews = DomainError.Invalid("novels.novel.negative_views", "Views are counted up, never down.");
    public static readonly DomainError NegativeBookmarks = DomainError.Invalid("novels.novel.negative_bookmarks", "A novel cannot lose a bookmark it does not have.");
}
