using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.Common.Security;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Dashboards.Queries.GetAnalytics;

/// <summary>
/// Seed 003 <c>GET /api/analytics?bot_id&amp;start_date&amp;end_date</c>: one row per day of the range,
/// zero-filled, days beginning at midnight in <c>tz</c> (UTC by default); with <c>compare</c> each row
/// carries the matching day of the earlier period as <c>previous</c>.
/// </summary>
[AuthorizeRequest]
public sealed record GetAnalyticsQuery(long BotId, DateOnly? StartDate, DateOnly? EndDate, string? Tz = null, string? Compare = null)
    : IRequest<IReadOnlyList<AnalyticsDay>>, IBotScopedRequest, IDayRangeRequest;

public sealed class GetAnalyticsQueryHandler(DailySeries series) : IRequestHandler<GetAnalyticsQuery, IReadOnlyList<AnalyticsDay>>
{
    public Task<IReadOnlyList<AnalyticsDay>> Handle(GetAnalyticsQuery request, CancellationToken cancellationToken) =>
        series.OfAsync(request.BotId, request.StartDate!.Value, request.EndDate!.Value, DashboardTimeZones.Find(request.Tz), request.Compare, cancellationToken);
}
