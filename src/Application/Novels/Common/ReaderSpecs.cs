using Ardalis.Specification;
using CleanGames.Domain.Novels.Readers;

namespace CleanGames.Application.Novels.Common;

public sealed class ProgressOfReaderSpec : Specification<ReadingProgress>, ISingleResultSpecification<ReadingProgress>
{
    public ProgressOfReaderSpec(long accountId, Guid novelId, bool track = false)
    {
        Query.Where(p => p.AccountId == accountId && p.NovelId == novelId);
        if (!track)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class ProgressesOfReaderSpec : Specification<ReadingProgress>
{
    public ProgressesOfReaderSpec(long accountId, IReadOnlyCollection<Guid> novelIds) =>
        Query.Where(p => p.AccountId == accountId && novelIds.Contains(p.NovelId)).AsNoTracking();
}

public sealed class BookmarkOfReaderSpec : Specification<Bookmark>, ISingleResultSpecification<Bookmark>
{
    public BookmarkOfReaderSpec(long accountId, Guid novelId, bool track = false)
    {
        Query.Where(b => b.AccountId == accountId && b.NovelId == novelId);
        if (!track)
        {
            Query.AsNoTracking();
        }
    }
}

/// <summary>The list of each of a reader's bookmarks (for the per-list counts).</summary>
public sealed class BookmarkListsOfReaderSpec : Specification<Bookmark, BookmarkList>
{
    public BookmarkListsOfReaderSpec(long accountId) => Query.Where(b => b.AccountId == accountId).AsNoTracking().Select(b => b.List);
}

/// <summary>A reader's bookmarks, optionally of one list; by time (newest first, ties by novel id) with paging when <paramref name="byCreated"/> is set.</summary>
public sealed class BookmarksOfReaderSpec : Specification<Bookmark>
{
    public BookmarksOfReaderSpec(long accountId, BookmarkList? list)
    {
        Query.Where(b => b.AccountId == accountId).AsNoTracking();
        if (list is { } only)
        {
            Query.Where(b => b.List == only);
        }
    }

    public BookmarksOfReaderSpec(long accountId, BookmarkList? list, bool byCreated, bool descending, int skip, int take)
        : this(accountId, list)
    {
        if (byCreated)
        {
            if (descending)
            {
                Query.OrderByDescending(b => b.CreatedAt).ThenBy(b => b.NovelId);
            }
            else
            {
                Query.OrderBy(b => b.CreatedAt).ThenBy(b => b.NovelId);
            }
        }
        else if (descending)
        {
            Query.OrderByDescending(b => b.UpdatedAt).ThenBy(b => b.NovelId);
        }
        else
        {
            Query.OrderBy(b => b.UpdatedAt).ThenBy(b => b.NovelId);
        }

        Query.Skip(skip).Take(take);
    }
}
