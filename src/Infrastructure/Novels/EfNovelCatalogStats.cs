using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Views;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Novels;

/// <summary><see cref="INovelCatalogStats"/> as grouped queries over the link tables and view hours.</summary>
internal sealed class EfNovelCatalogStats(ApplicationDbContext db) : INovelCatalogStats
{
    public async Task<IReadOnlyDictionary<Guid, int>> NovelsPerTagAsync(CancellationToken cancellationToken) =>
        await db.Set<Novel>().SelectMany(n => n.Tags).GroupBy(t => t.TagId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, int>> NovelsPerGenreAsync(CancellationToken cancellationToken) =>
        await db.Set<Novel>().SelectMany(n => n.Genres).GroupBy(g => g.GenreId)
            .Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);

    public async Task<IReadOnlyList<int>> ReleaseYearsAsync(CancellationToken cancellationToken) =>
        await db.Set<Novel>().Where(n => n.ReleaseYear != null).Select(n => n.ReleaseYear!.Value).Distinct().OrderBy(y => y).ToListAsync(cancellationToken);

    public async Task<IReadOnlyDictionary<Guid, long>> ViewsSinceAsync(DateTimeOffset since, CancellationToken cancellationToken) =>
        await db.Set<NovelViewHour>().Where(h => h.HourStart >= since).GroupBy(h => h.NovelId)
            .Select(g => new { g.Key, Views = g.Sum(h => h.Views) })
            .ToDictionaryAsync(g => g.Key, g => g.Views, cancellationToken);

    public Task<int> DeleteViewHoursBeforeAsync(DateTimeOffset before, CancellationToken cancellationToken) =>
        db.ExecuteWriteAsync(ct => db.Set<NovelViewHour>().Where(h => h.HourStart < before).ExecuteDeleteAsync(ct), cancellationToken);
}
