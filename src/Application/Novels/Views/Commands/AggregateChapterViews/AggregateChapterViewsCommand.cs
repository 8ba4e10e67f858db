using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Views;
using MediatR;

namespace CleanGames.Application.Novels.Views.Commands.AggregateChapterViews;

/// <summary>
/// Sent by the views job: writes the reads counted since the last run (chapter <c>views</c>, novel
/// <c>views_total</c>, the novel's hour counters) and sets each novel's <c>views_daily</c> to its last
/// 24 hours, in one save. Safe to run twice: a second run finds nothing new and sets the same figures.
/// Answers how many views it wrote.
/// </summary>
/// <remarks>
/// Not re-run by the pipeline on a lost race: the counts are taken out of the buffer once, so the
/// handler retries with them itself and puts them back if every round loses.
/// </remarks>
public sealed record AggregateChapterViewsCommand : IRequest<long>, INoConcurrencyRetry;

public sealed class AggregateChapterViewsCommandHandler(
    IChapterViewBuffer buffer,
    IRepository<Chapter> chapters,
    IRepository<Novel> novels,
    IRepository<NovelViewHour> hours,
    INovelCatalogStats stats,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<AggregateChapterViewsCommand, long>
{
    public const int Window = 24;
    private const int Attempts = 5;

    public async Task<long> Handle(AggregateChapterViewsCommand request, CancellationToken cancellationToken)
    {
        var batch = buffer.Drain();
        var since = await SaveAsync(batch, cancellationToken);

        // The batch is saved: pruning hours that left the window may fail now without counting it twice.
        await stats.DeleteViewHoursBeforeAsync(since, cancellationToken);
        return batch.Sum(v => v.Views);
    }

    /// <summary>Saves the batch, retrying a lost race; on any other failure the batch goes back to the buffer.</summary>
    private async Task<DateTimeOffset> SaveAsync(IReadOnlyList<PendingChapterViews> batch, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await WriteAsync(batch, cancellationToken);
            }
            catch (Exception e) when (e is ConcurrencyConflictException or DuplicateKeyException && attempt < Attempts)
            {
                // A novel changed meanwhile (a new chapter), or another instance opened the same hour: reload and go again.
                unitOfWork.DiscardChanges();
            }
            catch
            {
                unitOfWork.DiscardChanges();
                buffer.Restore(batch);
                throw;
            }
        }
    }

    /// <summary>Saves the batch's counts and the moving day; answers where the 24-hour window now starts.</summary>
    private async Task<DateTimeOffset> WriteAsync(IReadOnlyList<PendingChapterViews> batch, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var since = NovelViewHour.StartOf(now).AddHours(-(Window - 1));

        var perChapter = batch.GroupBy(v => v.ChapterId).ToDictionary(g => g.Key, g => g.Sum(v => v.Views));
        if (perChapter.Count > 0)
        {
            foreach (var chapter in await chapters.ListAsync(new ChaptersByIdsSpec(perChapter.Keys.ToList()), cancellationToken))
            {
                chapter.RecordViews(perChapter[chapter.Id]);
            }
        }

        var perHour = batch.GroupBy(v => (v.NovelId, v.HourStart)).ToDictionary(g => g.Key, g => g.Sum(v => v.Views));
        if (perHour.Count > 0)
        {
            var novelIds = perHour.Keys.Select(k => k.NovelId).Distinct().ToList();
            var open = (await hours.ListAsync(new NovelViewHoursSpec(novelIds, perHour.Keys.Min(k => k.HourStart)), cancellationToken))
                .ToDictionary(h => (h.NovelId, h.HourStart));
            foreach (var ((novelId, hourStart), views) in perHour)
            {
                if (!open.TryGetValue((novelId, hourStart), out var hour))
                {
                    hour = NovelViewHour.Open(novelId, hourStart, now);
                    await hours.AddAsync(hour, cancellationToken);
                }

                hour.Add(views);
            }
        }

        // The last day as stored, plus what this run adds to it (saved in the same transaction).
        var lastDay = new Dictionary<Guid, long>(await stats.ViewsSinceAsync(since, cancellationToken));
        foreach (var ((novelId, hourStart), views) in perHour)
        {
            if (hourStart >= since)
            {
                lastDay[novelId] = lastDay.GetValueOrDefault(novelId) + views;
            }
        }

        // Only novels whose figures move are loaded: those read in this batch, and those whose day changed.
        var perNovel = batch.GroupBy(v => v.NovelId).ToDictionary(g => g.Key, g => g.Sum(v => v.Views));
        var shown = (await novels.ListAsync(new NovelsWithDailyViewsSpec(), cancellationToken)).ToDictionary(n => n.Id, n => n.ViewsDaily);
        var changing = perNovel.Keys
            .Concat(lastDay.Where(d => shown.GetValueOrDefault(d.Key) != d.Value).Select(d => d.Key))
            .Concat(shown.Keys.Where(id => !lastDay.ContainsKey(id)))
            .ToHashSet();
        if (changing.Count > 0)
        {
            foreach (var novel in await novels.ListAsync(new NovelsByIdsSpec(changing), cancellationToken))
            {
                novel.RecordViews(perNovel.GetValueOrDefault(novel.Id), lastDay.GetValueOrDefault(novel.Id));
            }
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return since;
    }
}
