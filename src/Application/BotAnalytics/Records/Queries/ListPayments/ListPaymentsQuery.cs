using AutoMapper;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.BotAnalytics.Records.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.BotAnalytics.Records;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;

/// <summary>Seed 003 <c>GET /api/payments?bot_id&amp;start_date&amp;end_date&amp;page&amp;limit</c>: calendar days (UTC), the last one whole.</summary>
[AuthorizeRequest]
public sealed record ListPaymentsQuery(long BotId, DateOnly? StartDate, DateOnly? EndDate, int? Page, int? PerPage) : IRequest<PaymentsPage>, IPagedRequest, IBotScopedRequest, IDayRangeRequest;

public sealed record PaymentsPage(IReadOnlyList<PaymentView> Payments, long Total, int Page, int Limit);

public sealed class ListPaymentsQueryHandler(IReadRepository<Payment> payments, RollupSums sums, IMapper mapper) : IRequestHandler<ListPaymentsQuery, PaymentsPage>
{
    public async Task<PaymentsPage> Handle(ListPaymentsQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request, PageLimits.Dashboard);
        var (from, endBefore) = DayRange.Of(request.StartDate, request.EndDate);
        var total = (await sums.CountsBetweenAsync(request.BotId, from, endBefore, cancellationToken)).AllPayments;
        if (page.StartsAfter(total))
        {
            return new PaymentsPage([], total, page.Page, page.PageSize);
        }

        var rows = await payments.ListAsync(new PaymentsPageSpec(mapper.ConfigurationProvider, request.BotId, from, endBefore, page.Skip, page.PageSize), cancellationToken);
        return new PaymentsPage(rows.Select(RecordViews.Of).ToList(), total, page.Page, page.PageSize);
    }
}
