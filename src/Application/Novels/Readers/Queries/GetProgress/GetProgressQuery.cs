using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;
using MediatR;

namespace CleanGames.Application.Novels.Readers.Queries.GetProgress;

/// <summary>Seed 004 <c>GET /progress/{novel_id}</c>: the reader's progress, or null when they have none on the novel.</summary>
[AuthorizeRequest]
public sealed record GetProgressQuery(string NovelId) : IRequest<ReadingProgressModel?>;

public sealed class GetProgressQueryHandler(ICurrentUser currentUser, IReadRepository<Novel> novels, IReadRepository<ReadingProgress> progresses)
    : IRequestHandler<GetProgressQuery, ReadingProgressModel?>
{
    public async Task<ReadingProgressModel?> Handle(GetProgressQuery request, CancellationToken cancellationToken)
    {
        var accountId = currentUser.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var novelId = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.NovelNotFound);
        if (!await novels.AnyAsync(new NovelByIdSpec(novelId), cancellationToken))
        {
            throw new DomainException(NovelsErrors.NovelNotFound);
        }

        var progress = await progresses.FirstOrDefaultAsync(new ProgressOfReaderSpec(accountId, novelId), cancellationToken);
        return progress is null ? null : ReadingProgressModel.Of(progress);
    }
}
