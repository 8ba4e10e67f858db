using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Readers;

/// <summary>
/// Where one reader is in one novel: one row per (account, novel). The newest write wins by
/// <see cref="UpdatedAt"/>: a write carrying an earlier time than the stored one changes nothing.
/// </summary>
public sealed class ReadingProgress : AggregateRoot<Guid>
{
    private ReadingProgress()
    {
    }

    public long AccountId { get; private set; }

    public Guid NovelId { get; private set; }

    public Guid ChapterId { get; private set; }

    public int ChapterNumber { get; private set; }

    public int Position { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static ReadingProgress Start(long accountId, Guid novelId, Guid chapterId, int chapterNumber, int position, DateTimeOffset at)
    {
        EnsurePosition(position);
        var progress = new ReadingProgress
        {
            Id = Guid.CreateVersion7(at),
            AccountId = accountId,
            NovelId = novelId,
            ChapterId = chapterId,
            ChapterNumber = chapterNumber,
            Position = position,
            UpdatedAt = at,
        };
        progress.Raise(new ReadingProgressSaved(accountId, novelId, chapterId, chapterNumber, position, at));
        return progress;
    }

    /// <summary>
    /// Replaces the stored place, even with an earlier chapter, unless <paramref name="at"/> is before
    /// the stored <see cref="UpdatedAt"/> (an older write never overwrites a newer one). Answers
    /// whether it changed anything.
    /// </summary>
    public bool Record(Guid chapterId, int chapterNumber, int position, DateTimeOffset at)
    {
        EnsurePosition(position);
        if (at < UpdatedAt)
        {
            return false;
        }

        ChapterId = chapterId;
        ChapterNumber = chapterNumber;
        Position = position;
        UpdatedAt = at;
        Raise(new ReadingProgressSaved(AccountId, NovelId, chapterId, chapterNumber, position, at));
        return true;
    }

    private static void EnsurePosition(int position)
    {
        if (position < 0)
        {
            throw new DomainException(ReaderErrors.NegativePosition);
        }
    }
}

/// <summary>A reader's progress in a novel was saved (created or replaced).</summary>
public sealed record ReadingProgressSaved(long AccountId, Guid NovelId, Guid ChapterId, int ChapterNumber, int Position, DateTimeOffset UpdatedAt) : IDomainEvent;
