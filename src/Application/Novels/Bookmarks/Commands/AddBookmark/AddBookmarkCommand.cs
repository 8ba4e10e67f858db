using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Readers;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Bookmarks.Commands.AddBookmark;

/// <summary>
/// Seed 004 <c>POST /bookmarks</c>: creates the reader's bookmark of the novel (<see cref="BookmarkChange.Created"/>),
/// or moves the one they have to <c>list_code</c>; never a second one. The novel's
/// <c>bookmarks_count</c> moves in the same save, guarded by the novel's version and the unique
/// (account, novel) index, so racing devices count once.
/// </summary>
[AuthorizeRequest]
public sealed record AddBookmarkCommand(string? NovelId, string? ListCode, string? Lang) : IRequest<BookmarkChange>;

/// <summary>The bookmark and whether this request created it (201) rather than moved it (200).</summary>
public sealed record BookmarkChange(BookmarkModel Bookmark, bool Created);

public sealed class AddBookmarkCommandValidator : AbstractValidator<AddBookmarkCommand>
{
    public AddBookmarkCommandValidator()
    {
        RuleFor(c => c.NovelId).NotEmpty();
        RuleFor(c => c.ListCode).OneOf(BookmarkLists.Codes, "list_code");
        RuleFor(c => c.Lang).KnownLanguage().When(c => c.Lang is not null);
    }
}

public sealed class AddBookmarkCommandHandler(
    ICurrentUser currentUser,
    IRepository<Novel> novels,
    IRepository<Bookmark> bookmarks,
    IUnitOfWork unitOfWork,
    BookmarkViews views,
    IClock clock)
    : IRequestHandler<AddBookmarkCommand, BookmarkChange>
{
    public async Task<BookmarkChange> Handle(AddBookmarkCommand request, CancellationToken cancellationToken)
    {
        var accountId = currentUser.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var novelId = NovelsRules.IdOf(request.NovelId) ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var novel = await novels.FirstOrDefaultAsync(new NovelByIdSpec(novelId, track: true), cancellationToken)
                    ?? throw new DomainException(NovelsErrors.NovelNotFound);
        var list = BookmarkLists.Parse(request.ListCode!);
        var now = clock.NowForStorage();
        var bookmark = await bookmarks.FirstOrDefaultAsync(new BookmarkOfReaderSpec(accountId, novelId, track: true), cancellationToken);
        var created = bookmark is null;
        if (bookmark is null)
        {
            bookmark = Bookmark.Add(accountId, novelId, list, now);
            await bookmarks.AddAsync(bookmark, cancellationToken);
            novel.Bookmarked();
        }
        else
        {
            bookmark.MoveTo(list, now);
        }

        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException exception)
        {
            // Another device bookmarked the novel first: re-run, which moves that bookmark instead.
            unitOfWork.DiscardChanges();
            throw new ConcurrencyConflictException(exception);
        }

        return new BookmarkChange(await views.BuildAsync(novel, bookmark, request.Lang, cancellationToken), created);
    }
}
