namespace CleanGames.Domain.Novels.Readers;

/// <summary>The five bookmark lists, in the order seed 004 lists them.</summary>
public enum BookmarkList
{
    Reading,
    Planned,
    Dropped,
    Completed,
    Favorites,
}
