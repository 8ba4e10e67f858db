using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Chapters;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Chapters.Queries.ReadChapter;

/// <summary>
/// Seed 004 <c>GET /chapters/{id}?lang=</c>. The read is counted for the chapter and its novel,
/// once per reader (the account, else the client address) per <c>Novels:ViewWindowMinutes</c>, in
/// memory: the views job writes the counts, so a read writes nothing.
/// </summary>
public sealed record ReadChapterQuery(string Id, string? Lang) : IRequest<ChapterContentModel>;

public sealed class ReadChapterQueryValidator : AbstractValidator<ReadChapterQuery>
{
    public ReadChapterQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

public sealed class ReadChapterQueryHandler(IReadRepository<Chapter> chapters, IChapterViewBuffer views, ICurrentUser caller, IClock clock)
    : IRequestHandler<ReadChapterQuery, ChapterContentModel>
{
    public async Task<ChapterContentModel> Handle(ReadChapterQuery request, CancellationToken cancellationToken)
    {
        var id = NovelsRules.IdOf(request.Id) ?? throw new DomainException(NovelsErrors.ChapterNotFound);
        var chapter = await chapters.FirstOrDefaultAsync(new ChapterByIdSpec(id), cancellationToken)
                      ?? throw new DomainException(NovelsErrors.ChapterNotFound);
        var previous = await chapters.FirstOrDefaultAsync(new ChapterNeighbourSpec(chapter.NovelId, chapter.Number, after: false), cancellationToken);
        var next = await chapters.FirstOrDefaultAsync(new ChapterNeighbourSpec(chapter.NovelId, chapter.Number, after: true), cancellationToken);

        if (ReaderOf(caller) is { } reader)
        {
            views.TryCount(chapter.Id, chapter.NovelId, reader, clock.UtcNow);
        }

        var content = chapter.ContentIn(request.Lang);
        return new ChapterContentModel(
            chapter.Id.ToString(),
            chapter.NovelId.ToString(),
            chapter.Number,
            chapter.Slug,
            chapter.Title,
            chapter.PublishedAt,
            chapter.Views,
            chapter.CommentsCount,
            chapter.CreatedAt,
            content.Content,
            content.Source,
            content.WordCount,
            ChapterText.ReadingMinutes(content.WordCount),
            Link(previous),
            Link(next));
    }

    // A signed-in reader is the account wherever they read from; an anonymous one is their address.
    private static string? ReaderOf(ICurrentUser caller) =>
        caller.AccountId is { } account ? "a:" + account : caller.ClientAddress is { } address ? "ip:" + address : null;

    private static ChapterLink? Link(ChapterLinkRow? row) => row is null ? null : new ChapterLink(row.Id.ToString(), row.Number, row.Title);
}
