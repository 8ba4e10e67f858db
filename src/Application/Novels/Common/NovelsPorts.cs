namespace CleanGames.Application.Novels.Common;

/// <summary>Absolute links the transport knows how to build (<c>{scheme}://{host}/api/v1/covers/{id}</c>).</summary>
public interface INovelLinks
{
    string CoverUrl(Guid novelId);
}

/// <summary>One counted read of a chapter, waiting to be written.</summary>
public sealed record PendingChapterViews(Guid ChapterId, Guid NovelId, DateTimeOffset HourStart, long Views);

/// <summary>
/// Chapter reads in memory until the views job writes them: a read by the same reader (account, or
/// client address when anonymous) within the window is not counted again, and nothing is written per read.
/// Bounded: it remembers at most <see cref="NovelsOptions.MaxTrackedReads"/> readers and
/// <see cref="NovelsOptions.MaxPendingCounters"/> counters.
/// </summary>
public interface IChapterViewBuffer
{
    /// <summary>Counts the read unless this reader's last counted read of the chapter is within the window; true when counted.</summary>
    bool TryCount(Guid chapterId, Guid novelId, string reader, DateTimeOffset now);

    /// <summary>Takes every counter waiting to be written.</summary>
    IReadOnlyList<PendingChapterViews> Drain();

    /// <summary>Puts back counters whose write failed, so they are written next time.</summary>
    void Restore(IReadOnlyList<PendingChapterViews> views);
}

/// <summary>Counts over the whole catalogue that no single aggregate holds.</summary>
public interface INovelCatalogStats
{
    /// <summary>How many novels carry each tag (tags on no novel are absent).</summary>
    Task<IReadOnlyDictionary<Guid, int>> NovelsPerTagAsync(CancellationToken cancellationToken);

    /// <summary>How many novels carry each genre (genres on no novel are absent).</summary>
    Task<IReadOnlyDictionary<Guid, int>> NovelsPerGenreAsync(CancellationToken cancellationToken);

    /// <summary>Every distinct release year, ascending.</summary>
    Task<IReadOnlyList<int>> ReleaseYearsAsync(CancellationToken cancellationToken);

    /// <summary>Views of each novel counted in hours starting at or after <paramref name="since"/>.</summary>
    Task<IReadOnlyDictionary<Guid, long>> ViewsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken);

    /// <summary>Deletes view hours that started before <paramref name="before"/>; answers how many.</summary>
    Task<int> DeleteViewHoursBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken);
}
