using AutoMapper;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.BotAnalytics.Records.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.BotAnalytics.Records;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListUsers;

/// <summary>Seed 003 <c>GET /api/users?bot_id&amp;page&amp;limit</c>; <see cref="PerPage"/> carries <c>limit</c>.</summary>
[AuthorizeRequest]
public sealed record ListUsersQuery(long BotId, int? Page, int? PerPage) : IRequest<UsersPage>, IPagedRequest, IBotScopedRequest;

public sealed record UsersPage(IReadOnlyList<BotUserView> Users, long Total, int Page, int Limit);

public sealed class ListUsersQueryHandler(IReadRepository<BotUser> users, RollupSums sums, IMapper mapper) : IRequestHandler<ListUsersQuery, UsersPage>
{
    public async Task<UsersPage> Handle(ListUsersQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request, PageLimits.Dashboard);
        var total = (await sums.CountsBetweenAsync(request.BotId, null, null, cancellationToken)).Registrations;
        if (page.StartsAfter(total))
        {
            return new UsersPage([], total, page.Page, page.PageSize);
        }

        var rows = await users.ListAsync(new BotUsersPageSpec(mapper.ConfigurationProvider, request.BotId, page.Skip, page.PageSize), cancellationToken);
        return new UsersPage(rows.Select(RecordViews.Of).ToList(), total, page.Page, page.PageSize);
    }
}
