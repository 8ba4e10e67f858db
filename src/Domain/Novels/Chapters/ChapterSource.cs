namespace CleanGames.Domain.Novels.Chapters;

/// <summary>Seed 004 <c>source</c> of a chapter's content.</summary>
public enum ChapterSource
{
    Manual,
    Auto,
    Import,
}
