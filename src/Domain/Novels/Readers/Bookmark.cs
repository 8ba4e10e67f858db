using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Readers;

/// <summary>A reader's bookmark of a novel, in one of the five lists: at most one per (account, novel).</summary>
public sealed class Bookmark : AggregateRoot<Guid>
{
    private Bookmark()
    {
    }

    public long AccountId { get; private set; }

    public Guid NovelId { get; private set; }

    public BookmarkList List { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Bookmark Add(long accountId, Guid novelId, BookmarkList list, DateTimeOffset now)
    {
        var bookmark = new Bookmark
        {
            Id = Guid.CreateVersion7(now),
            AccountId = accountId,
            NovelId = novelId,
            List = list,
            CreatedAt = now,
            UpdatedAt = now,
        };
        bookmark.Raise(new BookmarkAdded(accountId, novelId, list));
        return bookmark;
    }

    /// <summary>Moves the bookmark to <paramref name="list"/>; moving it to the list it is in changes nothing.</summary>
    public bool MoveTo(BookmarkList list, DateTimeOffset now)
    {
        if (list == List)
        {
            return false;
        }

        List = list;
        if (now > UpdatedAt)
        {
            UpdatedAt = now;
        }

        Raise(new BookmarkMoved(AccountId, NovelId, list));
        return true;
    }
}

public sealed record BookmarkAdded(long AccountId, Guid NovelId, BookmarkList List) : IDomainEvent;

public sealed record BookmarkMoved(long AccountId, Guid NovelId, BookmarkList List) : IDomainEvent;
