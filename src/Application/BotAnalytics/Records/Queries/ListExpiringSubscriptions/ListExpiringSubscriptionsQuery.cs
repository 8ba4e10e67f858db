using AutoMapper;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Records.Common;
using CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.BotAnalytics.Records;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListExpiringSubscriptions;

/// <summary>
/// <c>GET /api/subscriptions/expiring?bot_id&amp;days=7&amp;page&amp;limit</c>: the <c>Active</c>
/// subscriptions whose <c>stop_date</c> falls between now and <c>days</c> days from now, soonest
/// first, paged as <c>/api/subscriptions</c> is.
/// </summary>
[AuthorizeRequest]
public sealed record ListExpiringSubscriptionsQuery(long BotId, int? Days, int? Page, int? PerPage) : IRequest<SubscriptionsPage>, IPagedRequest, IBotScopedRequest
{
    public const int DefaultDays = 7;
    public const int MaxDays = 365;
}

public sealed class ListExpiringSubscriptionsQueryHandler(IReadRepository<Subscription> subscriptions, IMapper mapper, IClock clock)
    : IRequestHandler<ListExpiringSubscriptionsQuery, SubscriptionsPage>
{
    public async Task<SubscriptionsPage> Handle(ListExpiringSubscriptionsQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request, PageLimits.Dashboard);
        var now = clock.UtcNow;
        var until = now.AddDays(request.Days ?? ListExpiringSubscriptionsQuery.DefaultDays);
        var total = await subscriptions.CountAsync(new ExpiringSubscriptionsPageSpec(mapper.ConfigurationProvider, request.BotId, now, until), cancellationToken);
        if (page.StartsAfter(total))
        {
            return new SubscriptionsPage([], total, page.Page, page.PageSize);
        }

        var rows = await subscriptions.ListAsync(new ExpiringSubscriptionsPageSpec(mapper.ConfigurationProvider, request.BotId, now, until, page.Skip, page.PageSize), cancellationToken);
        return new SubscriptionsPage(rows.Select(RecordViews.Of).ToList(), total, page.Page, page.PageSize);
    }
}
