using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;

namespace CleanGames.Application.Novels.Common;

/// <summary>Builds <see cref="BookmarkModel"/>s: the novels, their tags and genres and the reader's progress, a fixed number of queries for any number of bookmarks.</summary>
public sealed class BookmarkViews(IReadRepository<Novel> novels, IReadRepository<ReadingProgress> progresses, TaxonomyLookup taxonomy, NovelModelBuilder models)
{
    public async Task<IReadOnlyList<BookmarkModel>> BuildAsync(long accountId, IReadOnlyList<Bookmark> bookmarks, string? lang, CancellationToken cancellationToken)
    {
        if (bookmarks.Count == 0)
        {
            return [];
        }

        var ids = bookmarks.Select(b => b.NovelId).Distinct().ToList();
        var novelRows = (await novels.ListAsync(new NovelsByIdsSpec(ids), cancellationToken)).ToDictionary(n => n.Id);
        var progressRows = (await progresses.ListAsync(new ProgressesOfReaderSpec(accountId, ids), cancellationToken)).ToDictionary(p => p.NovelId);
        var (tags, genres) = await taxonomy.ForAsync(novelRows.Values.ToList(), cancellationToken);
        return bookmarks
            .Where(b => novelRows.ContainsKey(b.NovelId))
            .Select(b => Of(b, models.Build(novelRows[b.NovelId], lang, tags, genres), progressRows.GetValueOrDefault(b.NovelId), lang))
            .ToList();
    }

    public async Task<BookmarkModel> BuildAsync(Novel novel, Bookmark bookmark, string? lang, CancellationToken cancellationToken)
    {
        var (tags, genres) = await taxonomy.ForAsync([novel], cancellationToken);
        var progress = await progresses.FirstOrDefaultAsync(new ProgressOfReaderSpec(bookmark.AccountId, novel.Id), cancellationToken);
        return Of(bookmark, models.Build(novel, lang, tags, genres), progress, lang);
    }

    public static BookmarkModel Of(Bookmark bookmark, NovelModel novel, ReadingProgress? progress, string? lang) =>
        new(novel, BookmarkLists.Model(bookmark.List, lang), progress is null ? null : ReadingProgressModel.Of(progress), bookmark.CreatedAt, bookmark.UpdatedAt);
}
