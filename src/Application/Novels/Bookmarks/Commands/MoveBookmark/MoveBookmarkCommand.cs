using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Bookmarks.Commands.MoveBookmark;

/// <summary>Seed 004 <c>PUT /bookmarks/{novel_id}</c>: moves the reader's bookmark to <c>list_code</c>.</summary>
[AuthorizeRequest]
public sealed record MoveBookmarkCommand(string NovelId, string? ListCode, string? Lang) : IRequest<BookmarkModel>;

public sealed class MoveBookmarkCommandValidator : AbstractValidator<MoveBookmarkCommand>
{
    public MoveBookmarkCommandValidator()
    {
        RuleFor(c => c.ListCode).OneOf(BookmarkLists.Codes, "list_code");
        RuleFor(c => c.Lang).KnownLanguage().When(c => c.Lang is not null);
    }
}

public sealed class MoveBookmarkCommandHandler(
    ICurrentUser currentUser,
    IReadRepository<Novel> novels,
    IRepository<Bookmark> bookmarks,
    IUnitOfWork unitOfWork,
    BookmarkViews views,
    IClock clock)
    : IRequestHandler<MoveBookmarkCommand, BookmarkModel>
{
    public async Task<BookmarkModel> Handle(MoveBookmarkCommand request, CancellationToken cancellationToken)
    {
        var accountId = currentUser.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var novelId = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var novel = await novels.FirstOrDefaultAsync(new NovelByIdSpec(novelId), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var bookmark = await bookmarks.FirstOrDefaultAsync(new BookmarkOfReaderSpec(accountId, novelId, track: true), cancellationToken)
                       ?? throw new DomainException(NovelsErrors.BookmarkNotFound);
        if (bookmark.MoveTo(BookmarkLists.Parse(request.ListCode!), clock.NowForStorage()))
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }

        return await views.BuildAsync(novel, bookmark, request.Lang, cancellationToken);
    }
}
