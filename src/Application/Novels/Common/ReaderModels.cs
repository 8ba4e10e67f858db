using CleanGames.Domain.Novels.Readers;

namespace CleanGames.Application.Novels.Common;

/// <summary>Seed 004 <c>ReadingProgress</c>: the same shape in every answer that carries it.</summary>
public sealed record ReadingProgressModel(string NovelId, string ChapterId, int ChapterNumber, int Position, DateTimeOffset UpdatedAt)
{
    public static ReadingProgressModel Of(ReadingProgress progress) =>
        new(progress.NovelId.ToString(), progress.ChapterId.ToString(), progress.ChapterNumber, progress.Position, progress.UpdatedAt);
}

/// <summary>A bookmark list: <c>{code, title}</c>.</summary>
public sealed record BookmarkListModel(string Code, string Title);

/// <summary>A bookmark list with how many of the reader's bookmarks it holds: <c>{code, title, count}</c>.</summary>
public sealed record BookmarkListCountModel(string Code, string Title, int Count);

/// <summary>Seed 004 <c>Bookmark</c>: the novel, its list, the reader's progress on it (or null) and its times.</summary>
public sealed record BookmarkModel(NovelModel Novel, BookmarkListModel List, ReadingProgressModel? Progress, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>The five lists' wire codes and titles: Russian by default and for <c>ru</c>, English for any other language.</summary>
public static class BookmarkLists
{
    public static readonly IReadOnlyList<BookmarkList> All = [BookmarkList.Reading, BookmarkList.Planned, BookmarkList.Dropped, BookmarkList.Completed, BookmarkList.Favorites];

    public static readonly IReadOnlyList<string> Codes = All.Select(CodeOf).ToList();

    public static string CodeOf(BookmarkList list) => list switch
    {
        BookmarkList.Reading => "reading",
        BookmarkList.Planned => "planned",
        BookmarkList.Dropped => "dropped",
        BookmarkList.Completed => "completed",
        BookmarkList.Favorites => "favorites",
        _ => throw new ArgumentOutOfRangeException(nameof(list)),
    };

    public static BookmarkList Parse(string code) => All.Single(l => CodeOf(l) == code);

    public static string TitleOf(BookmarkList list, string? lang)
    {
        var russian = lang is null || lang == "ru";
        return list switch
        {
            BookmarkList.Reading => russian ? "Читаю" : "Reading",
            BookmarkList.Planned => russian ? "В планах" : "Planned",
            BookmarkList.Dropped => russian ? "Брошено" : "Dropped",
            BookmarkList.Completed => russian ? "Прочитано" : "Completed",
            BookmarkList.Favorites => russian ? "Избранное" : "Favorites",
            _ => throw new ArgumentOutOfRangeException(nameof(list)),
        };
    }

    public static BookmarkListModel Model(BookmarkList list, string? lang) => new(CodeOf(list), TitleOf(list, lang));
}
