using AutoMapper;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using MediatR;

namespace CleanGames.Application.Identity.Queries.SearchAccounts;

/// <summary>
/// Admin: finds accounts whose email, username, display name or Telegram username contains
/// <see cref="Search"/> (case-insensitively), or whose id or Telegram id is that number; newest first.
/// No search lists every account, a page at a time.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record SearchAccountsQuery(string? Search, int? Page, int? PerPage) : IRequest<AccountSearchResult>, IPagedRequest;

/// <summary>One page of matches; <see cref="HasMore"/> tells whether the next page has any (no total: counting a search is a scan).</summary>
public sealed record AccountSearchResult(IReadOnlyList<AdminAccountView> Accounts, int Page, int PerPage, bool HasMore);

public sealed class SearchAccountsQueryHandler(IReadRepository<Account> accounts, IMapper mapper) : IRequestHandler<SearchAccountsQuery, AccountSearchResult>
{
    public async Task<AccountSearchResult> Handle(SearchAccountsQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request);
        // One row more than the page tells whether another page follows.
        var rows = await accounts.ListAsync(new AccountSearchSpec(mapper.ConfigurationProvider, request.Search, page.Skip, page.PageSize + 1), cancellationToken);
        var views = rows.Take(page.PageSize).Select(r => r.ToView()).ToList();
        return new AccountSearchResult(views, page.Page, page.PageSize, rows.Count > page.PageSize);
    }
}
