using CleanGames.Application.Novels.Common;
using CleanGames.Infrastructure.Novels;
using Microsoft.Extensions.Options;

namespace CleanGames.UnitTests.Novels;

public sealed class ChapterViewBufferTests
{
    private static readonly DateTimeOffset T0 = new(2024, 2, 15, 10, 30, 0, TimeSpan.Zero);
    private static readonly Guid Novel = Guid.NewGuid();

    private static InMemoryChapterViewBuffer Buffer(int maxReads = 1000, int maxCounters = 100) =>
        new(Options.Create(new NovelsOptions { MaxTrackedReads = maxReads, MaxPendingCounters = maxCounters }));

    [Fact]
    public void A_reader_counts_once_per_chapter_per_hour()
    {
        var buffer = Buffer();
        var chapter = Guid.NewGuid();

        Assert.True(buffer.TryCount(chapter, Novel, "a:1", T0));
        Assert.False(buffer.TryCount(chapter, Novel, "a:1", T0.AddMinutes(59)));
        Assert.True(buffer.TryCount(Guid.NewGuid(), Novel, "a:1", T0.AddMinutes(1)));
        Assert.True(buffer.TryCount(chapter, Novel, "ip:10.0.0.1", T0.AddMinutes(1)));
        Assert.True(buffer.TryCount(chapter, Novel, "a:1", T0.AddMinutes(60)));

        var drained = buffer.Drain();
        Assert.Equal(4, drained.Sum(v => v.Views));
        Assert.Equal(3, drained.Where(v => v.ChapterId == chapter).Sum(v => v.Views));
        Assert.Empty(buffer.Drain());
    }

    [Fact]
    public void Counts_are_kept_per_clock_hour_and_restored_after_a_failed_write()
    {
        var buffer = Buffer();
        var chapter = Guid.NewGuid();
        buffer.TryCount(chapter, Novel, "a:1", T0);
        buffer.TryCount(chapter, Novel, "a:2", T0.AddMinutes(40));

        var drained = buffer.Drain();
        Assert.Equal([T0.AddMinutes(-30), T0.AddMinutes(30)], drained.Select(v => v.HourStart).Order());

        buffer.Restore(drained);
        buffer.TryCount(chapter, Novel, "a:3", T0);
        Assert.Equal(3, buffer.Drain().Sum(v => v.Views));
    }

    [Fact]
    public void The_reader_memory_is_bounded_and_forgets_the_oldest_first()
    {
        var buffer = Buffer(maxReads: 1000);
        var chapter = Guid.NewGuid();
        for (var i = 0; i < 5000; i++)
        {
            Assert.True(buffer.TryCount(chapter, Novel, $"a:{i}", T0.AddSeconds(i * 0.1)));
        }

        // The newest readers are still remembered; the first ones were forgotten and count again.
        Assert.False(buffer.TryCount(chapter, Novel, "a:4999", T0.AddMinutes(10)));
        Assert.True(buffer.TryCount(chapter, Novel, "a:0", T0.AddMinutes(10)));
    }

    [Fact]
    public void Pending_counters_are_bounded_until_the_next_write()
    {
        var buffer = Buffer(maxCounters: 100);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(buffer.TryCount(Guid.NewGuid(), Novel, "a:1", T0));
        }

        Assert.False(buffer.TryCount(Guid.NewGuid(), Novel, "a:1", T0));
        Assert.Equal(100, buffer.Drain().Count);
        Assert.True(buffer.TryCount(Guid.NewGuid(), Novel, "a:1", T0));
    }
}
