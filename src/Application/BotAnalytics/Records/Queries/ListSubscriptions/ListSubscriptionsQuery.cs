using AutoMapper;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.BotAnalytics.Records.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.BotAnalytics.Records;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;

/// <summary>Seed 003 <c>GET /api/subscriptions?bot_id&amp;status&amp;page&amp;limit</c>: <c>status</c> matched exactly (<c>Active</c>).</summary>
[AuthorizeRequest]
public sealed record ListSubscriptionsQuery(long BotId, string? Status, int? Page, int? PerPage) : IRequest<SubscriptionsPage>, IPagedRequest, IBotScopedRequest;

public sealed record SubscriptionsPage(IReadOnlyList<SubscriptionView> Subscriptions, long Total, int Page, int Limit);

public sealed class ListSubscriptionsQueryHandler(IReadRepository<Subscription> subscriptions, RollupSums sums, IMapper mapper) : IRequestHandler<ListSubscriptionsQuery, SubscriptionsPage>
{
    public async Task<SubscriptionsPage> Handle(ListSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request, PageLimits.Dashboard);
        var status = string.IsNullOrEmpty(request.Status) ? null : request.Status;
        var total = status is null
            ? (await sums.CountsBetweenAsync(request.BotId, null, null, cancellationToken)).AllSubscriptions
            : await subscriptions.CountAsync(new SubscriptionsPageSpec(mapper.ConfigurationProvider, request.BotId, status), cancellationToken);
        if (page.StartsAfter(total))
        {
            return new SubscriptionsPage([], total, page.Page, page.PageSize);
        }

        var rows = await subscriptions.ListAsync(new SubscriptionsPageSpec(mapper.ConfigurationProvider, request.BotId, status, page.Skip, page.PageSize), cancellationToken);
        return new SubscriptionsPage(rows.Select(RecordViews.Of).ToList(), total, page.Page, page.PageSize);
    }
}
