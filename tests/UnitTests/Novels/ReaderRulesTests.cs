using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;

namespace CleanGames.UnitTests.Novels;

public sealed class ReaderRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 2, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly Guid NovelId = Guid.CreateVersion7(Now);

    [Fact]
    public void A_later_write_replaces_the_progress_even_with_an_earlier_chapter_and_raises_a_saved_event()
    {
        var progress = ReadingProgress.Start(7, NovelId, Guid.NewGuid(), 15, 1250, Now);
        var started = Assert.IsType<ReadingProgressSaved>(Assert.Single(progress.DomainEvents));
        Assert.Equal((7L, NovelId, 15, 1250, Now), (started.AccountId, started.NovelId, started.ChapterNumber, started.Position, started.UpdatedAt));

        var earlierChapter = Guid.NewGuid();
        Assert.True(progress.Record(earlierChapter, 3, 0, Now.AddSeconds(1)));
        Assert.Equal((earlierChapter, 3, 0, Now.AddSeconds(1)), (progress.ChapterId, progress.ChapterNumber, progress.Position, progress.UpdatedAt));
        Assert.Equal(2, progress.DomainEvents.Count);
    }

    [Fact]
    public void A_write_older_than_the_stored_one_changes_nothing_and_raises_nothing()
    {
        var chapter = Guid.NewGuid();
        var progress = ReadingProgress.Start(7, NovelId, chapter, 15, 1250, Now);

        Assert.False(progress.Record(Guid.NewGuid(), 2, 5, Now.AddMilliseconds(-1)));
        Assert.Equal((chapter, 15, 1250, Now), (progress.ChapterId, progress.ChapterNumber, progress.Position, progress.UpdatedAt));
        Assert.Single(progress.DomainEvents);

        // The same time is not older: the write applies.
        Assert.True(progress.Record(chapter, 15, 1300, Now));
        Assert.Equal(1300, progress.Position);
    }

    [Fact]
    public void A_negative_position_is_refused()
    {
        Assert.Equal(ReaderErrors.NegativePosition, Assert.Throws<DomainException>(() => ReadingProgress.Start(7, NovelId, Guid.NewGuid(), 1, -1, Now)).Error);
        var progress = ReadingProgress.Start(7, NovelId, Guid.NewGuid(), 1, 0, Now);
        Assert.Equal(ReaderErrors.NegativePosition, Assert.Throws<DomainException>(() => progress.Record(Guid.NewGuid(), 1, -5, Now.AddSeconds(1))).Error);
    }

    [Fact]
    public void A_bookmark_moves_between_lists_keeping_its_creation_time()
    {
        var bookmark = Bookmark.Add(7, NovelId, BookmarkList.Reading, Now);
        Assert.IsType<BookmarkAdded>(Assert.Single(bookmark.DomainEvents));
        Assert.Equal(bookmark.CreatedAt, bookmark.UpdatedAt);

        Assert.False(bookmark.MoveTo(BookmarkList.Reading, Now.AddMinutes(1)));
        Assert.Equal(Now, bookmark.UpdatedAt);

        Assert.True(bookmark.MoveTo(BookmarkList.Completed, Now.AddMinutes(2)));
        Assert.Equal((BookmarkList.Completed, Now, Now.AddMinutes(2)), (bookmark.List, bookmark.CreatedAt, bookmark.UpdatedAt));
        Assert.IsType<BookmarkMoved>(bookmark.DomainEvents[^1]);
    }

    [Fact]
    public void A_novels_bookmark_count_moves_with_each_bookmark_and_never_below_zero()
    {
        var novel = Novel.Create("a-novel", TranslationStatus.Ongoing, null, 2020, [new NovelLocalization("en", "Title", null, null, null)], [], [], hasCover: false, Now);
        var updated = novel.UpdatedAt;
        novel.Bookmarked();
        novel.Bookmarked();
        novel.Unbookmarked();
        Assert.Equal(1, novel.BookmarksCount);
        Assert.Equal(updated, novel.UpdatedAt);
        Assert.True(novel.HasChanges);
        novel.Unbookmarked();
        Assert.Equal(NovelErrors.NegativeBookmarks, Assert.Throws<DomainException>(novel.Unbookmarked).Error);
        Assert.Equal(0, novel.BookmarksCount);
    }

    [Theory]
    [InlineData(null, "Читаю", "В планах", "Брошено", "Прочитано", "Избранное")]
    [InlineData("ru", "Читаю", "В планах", "Брошено", "Прочитано", "Избранное")]
    [InlineData("en", "Reading", "Planned", "Dropped", "Completed", "Favorites")]
    [InlineData("ja", "Reading", "Planned", "Dropped", "Completed", "Favorites")]
    public void The_five_lists_are_titled_in_russian_by_default_and_english_otherwise(string? lang, params string[] titles)
    {
        Assert.Equal(["reading", "planned", "dropped", "completed", "favorites"], BookmarkLists.Codes);
        Assert.Equal(titles, BookmarkLists.All.Select(l => BookmarkLists.TitleOf(l, lang)).ToArray());
        Assert.All(BookmarkLists.Codes, code => Assert.Equal(code, BookmarkLists.CodeOf(BookmarkLists.Parse(code))));
    }
}
