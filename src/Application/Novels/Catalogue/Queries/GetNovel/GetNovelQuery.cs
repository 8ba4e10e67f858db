using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Catalogue.Queries.GetNovel;

/// <summary>Seed 004 <c>GET /novels/{slug}</c>.</summary>
public sealed record GetNovelQuery(string Slug, string? Lang) : IRequest<NovelDetailModel>;

public sealed class GetNovelQueryValidator : AbstractValidator<GetNovelQuery>
{
    public GetNovelQueryValidator() => RuleFor(q => q.Lang).KnownLanguage();
}

/// <summary>Public; a valid token adds the caller's <c>user_progress</c> and <c>user_bookmark</c>.</summary>
public sealed class GetNovelQueryHandler(
    IReadRepository<Novel> novels,
    IReadRepository<ReadingProgress> progresses,
    IReadRepository<Bookmark> bookmarks,
    ICurrentUser currentUser,
    TaxonomyLookup taxonomy,
    NovelModelBuilder models)
    : IRequestHandler<GetNovelQuery, NovelDetailModel>
{
    public async Task<NovelDetailModel> Handle(GetNovelQuery request, CancellationToken cancellationToken)
    {
        var novel = await novels.FirstOrDefaultAsync(new NovelBySlugSpec(request.Slug), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var (tags, genres) = await taxonomy.ForAsync([novel], cancellationToken);
        var detail = models.Detail(novel, request.Lang, tags, genres);
        if (currentUser.AccountId is not { } accountId)
        {
            return detail;
        }

        var progress = await progresses.FirstOrDefaultAsync(new ProgressOfReaderSpec(accountId, novel.Id), cancellationToken);
        var bookmark = await bookmarks.FirstOrDefaultAsync(new BookmarkOfReaderSpec(accountId, novel.Id), cancellationToken);
        return detail with
        {
            UserProgress = progress is null ? null : ReadingProgressModel.Of(progress),
            UserBookmark = bookmark is null ? null : BookmarkViews.Of(bookmark, models.Build(novel, request.Lang, tags, genres), progress, request.Lang),
        };
    }
}
