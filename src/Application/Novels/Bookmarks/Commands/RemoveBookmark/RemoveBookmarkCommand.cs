using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;
using MediatR;

namespace CleanGames.Application.Novels.Bookmarks.Commands.RemoveBookmark;

/// <summary>Seed 004 <c>DELETE /bookmarks/{novel_id}</c>: removes the reader's bookmark and takes it off the novel's <c>bookmarks_count</c> in the same save.</summary>
[AuthorizeRequest]
public sealed record RemoveBookmarkCommand(string NovelId) : IRequest<Unit>;

public sealed class RemoveBookmarkCommandHandler(ICurrentUser currentUser, IRepository<Novel> novels, IRepository<Bookmark> bookmarks, IUnitOfWork unitOfWork)
    : IRequestHandler<RemoveBookmarkCommand, Unit>
{
    public async Task<Unit> Handle(RemoveBookmarkCommand request, CancellationToken cancellationToken)
    {
        var accountId = currentUser.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var novelId = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var novel = await novels.FirstOrDefaultAsync(new NovelByIdSpec(novelId, track: true), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var bookmark = await bookmarks.FirstOrDefaultAsync(new BookmarkOfReaderSpec(accountId, novelId, track: true), cancellationToken)
                       ?? throw new DomainException(NovelsErrors.BookmarkNotFound);
        bookmarks.Delete(bookmark);
        novel.Unbookmarked();
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return Unit.Value;
    }
}
