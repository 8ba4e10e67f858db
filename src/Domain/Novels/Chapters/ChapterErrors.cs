using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Chapters;

public static class ChapterErrors
{
    public static readonly DomainError NegativeNumber = DomainError.Invalid("novels.chapter.negative_number", "A chapter number is 0 or more.");
    public static readonly DomainError TitleRequired = DomainError.Invalid("novels.chapter.title_required", "A chapter needs a title.");
    public static readonly DomainError NoContent = DomainError.Invalid("novels.chapter.no_content", "A chapter needs content in at least one language.");
    public static readonly DomainError ContentRequired = DomainError.Invalid("novels.chapter.content_required", "Chapter content may not be empty.");
    public static readonly DomainError DuplicateLanguage = DomainError.Invalid("novels.chapter.duplicate_language", "Each language may have one content.");
    public static readonly DomainError NegativeViews = DomainError.Invalid("novels.chapter.negative_views", "Views are counted up, never down.");
}
