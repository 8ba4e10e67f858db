using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Audit;
using MediatR;

namespace CleanGames.Application.Identity.Queries.GetRoleAudit;

/// <summary>Admin: the role audit log, newest first, a page at a time.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record GetRoleAuditQuery(int? Page, int? PerPage) : IRequest<RoleAuditPage>, IPagedRequest;

/// <summary>One line of the log. <see cref="ActorAccountId"/> and <see cref="ClientAddress"/> are null for changes the server made.</summary>
public sealed record RoleAuditLine(long Id, DateTimeOffset At, string Action, long? ActorAccountId, long? TargetAccountId, IReadOnlyList<string> Roles, string? ClientAddress);

public sealed record RoleAuditPage(IReadOnlyList<RoleAuditLine> Entries, int Page, int PerPage, bool HasMore);

public sealed class GetRoleAuditQueryHandler(IReadRepository<RoleAuditEntry> audit, IReadRepository<Account> accounts) : IRequestHandler<GetRoleAuditQuery, RoleAuditPage>
{
    public async Task<RoleAuditPage> Handle(GetRoleAuditQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request);
        var entries = await audit.ListAsync(new RoleAuditNewestFirstSpec(page.Skip, page.PageSize + 1), cancellationToken);
        var shown = entries.Take(page.PageSize).ToList();
        var keys = shown.Select(e => e.TargetAccountKey).Distinct().ToList();
        var ids = (await accounts.ListAsync(new AccountIdsByKeySpec(keys), cancellationToken)).ToDictionary(a => a.Key, a => a.Id);
        var lines = shown.Select(e => new RoleAuditLine(
                e.Id,
                e.At,
                e.Action.ToString().ToLowerInvariant(),
                e.ActorAccountId,
                ids.TryGetValue(e.TargetAccountKey, out var id) ? id : null,
                AccountRoleNames.Of(e.Roles),
                e.ClientAddress))
            .ToList();
        return new RoleAuditPage(lines, page.Page, page.PageSize, entries.Count > page.PageSize);
    }
}

public sealed class RoleAuditNewestFirstSpec : Specification<RoleAuditEntry>
{
    public RoleAuditNewestFirstSpec(int skip, int take) =>
        Query.OrderByDescending(e => e.Id).Skip(skip).Take(take).AsNoTracking();
}

public sealed record AccountKeyAndId(Guid Key, long Id);

public sealed class AccountIdsByKeySpec : Specification<Account, AccountKeyAndId>
{
    public AccountIdsByKeySpec(IReadOnlyCollection<Guid> keys)
    {
        Query.Where(a => keys.Contains(a.Key)).AsNoTracking();
        Query.Select(a => new AccountKeyAndId(a.Key, a.Id));
    }
}
