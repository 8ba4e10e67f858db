using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Novels.Readers;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Novels.Bookmarks.Queries.ListBookmarks;

/// <summary>
/// Seed 004 <c>GET /bookmarks</c>: the reader's bookmarks (of one list with <c>list_code</c>), paged,
/// and the five lists with their counts (which ignore the filter).
/// </summary>
[AuthorizeRequest]
public sealed record ListBookmarksQuery(string? ListCode, int? Page, int? PerPage, string? Sort, string? Order, string? Lang)
    : IRequest<PagedBody<BookmarksPage>>, IPagedRequest;

public sealed record BookmarksPage(IReadOnlyList<BookmarkModel> Bookmarks, IReadOnlyList<BookmarkListCountModel> Lists);

public sealed class ListBookmarksQueryValidator : AbstractValidator<ListBookmarksQuery>
{
    public static readonly IReadOnlyList<string> Sorts = ["updated_at", "created_at", "title", "rating"];

    public ListBookmarksQueryValidator()
    {
        Include(new NovelsPageValidator());
        RuleFor(q => q.ListCode).OneOf(BookmarkLists.Codes, "list_code").When(q => q.ListCode is not null);
        RuleFor(q => q.Sort).OneOf(Sorts, "sort").When(q => q.Sort is not null);
        RuleFor(q => q.Order).OneOf(NovelsRules.Orders, "order").When(q => q.Order is not null);
        RuleFor(q => q.Lang).KnownLanguage().When(q => q.Lang is not null);
    }
}

public sealed class ListBookmarksQueryHandler(
    ICurrentUser currentUser,
    IReadRepository<Bookmark> bookmarks,
    BookmarkViews views)
    : IRequestHandler<ListBookmarksQuery, PagedBody<BookmarksPage>>
{
    public async Task<PagedBody<BookmarksPage>> Handle(ListBookmarksQuery request, CancellationToken cancellationToken)
    {
        var accountId = currentUser.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var page = NovelsPage.Of(request);
        BookmarkList? filter = request.ListCode is null ? null : BookmarkLists.Parse(request.ListCode);
        var sort = request.Sort ?? "updated_at";
        // updated_at, created_at and rating go newest/highest first, title A to Z; order reverses that.
        var descending = request.Order is null ? sort != "title" : request.Order == "desc";

        var perList = (await bookmarks.ListAsync(new BookmarkListsOfReaderSpec(accountId), cancellationToken))
            .GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count());
        var lists = BookmarkLists.All
            .Select(l => new BookmarkListCountModel(BookmarkLists.CodeOf(l), BookmarkLists.TitleOf(l, request.Lang), perList.GetValueOrDefault(l)))
            .ToList();
        var total = filter is { } only ? perList.GetValueOrDefault(only) : perList.Values.Sum();

        IReadOnlyList<BookmarkModel> items = [];
        if (!page.StartsAfter(total))
        {
            if (sort is "updated_at" or "created_at")
            {
                var rows = await bookmarks.ListAsync(new BookmarksOfReaderSpec(accountId, filter, sort == "created_at", descending, page.ReadSkip, page.Size), cancellationToken);
                items = await views.BuildAsync(accountId, rows, request.Lang, cancellationToken);
            }
            else
            {
                // Title and rating live on the novel: the reader's (filtered) bookmarks are ordered with their novels.
                var rows = await bookmarks.ListAsync(new BookmarksOfReaderSpec(accountId, filter), cancellationToken);
                var all = await views.BuildAsync(accountId, rows, request.Lang, cancellationToken);
                items = Order(all, sort, descending).Skip(page.ReadSkip).Take(page.Size).ToList();
            }
        }

        return new PagedBody<BookmarksPage>(new BookmarksPage(items, lists), page.Of(items, total));
    }

    private static IEnumerable<BookmarkModel> Order(IReadOnlyList<BookmarkModel> all, string sort, bool descending)
    {
        IOrderedEnumerable<BookmarkModel> ordered = sort == "rating"
            ? (descending ? all.OrderByDescending(b => b.Novel.Rating) : all.OrderBy(b => b.Novel.Rating))
            : (descending
                ? all.OrderByDescending(b => b.Novel.Title, StringComparer.InvariantCultureIgnoreCase)
                : all.OrderBy(b => b.Novel.Title, StringComparer.InvariantCultureIgnoreCase));
        return ordered.ThenBy(b => Guid.Parse(b.Novel.Id));
    }
}
