using CleanGames.Application.BotAnalytics.Records.Queries.ListExpiringSubscriptions;
using CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;
using CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;
using CleanGames.Application.BotAnalytics.Records.Queries.ListUsers;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CleanGames.WebApi.BotAnalytics;

/// <summary>Seed 003 <c>/api/users</c>, <c>/api/payments</c> and <c>/api/subscriptions</c>: one bot's records, a page at a time.</summary>
[ApiController]
[Authorize]
[Route("api")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("BotAnalytics: records")]
public sealed class RecordsController(IMediator mediator) : ControllerBase
{
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("users")]
    public Task<UsersPage> Users(
        [FromQuery(Name = "bot_id"), BindRequired] long botId, [FromQuery] int? page, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        mediator.Send(new ListUsersQuery(botId, page, limit), cancellationToken);

    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("payments")]
    public Task<PaymentsPage> Payments(
        [FromQuery(Name = "bot_id"), BindRequired] long botId,
        [FromQuery(Name = "start_date")] DateOnly? startDate,
        [FromQuery(Name = "end_date")] DateOnly? endDate,
        [FromQuery] int? page,
        [FromQuery] int? limit,
        CancellationToken cancellationToken) =>
        mediator.Send(new ListPaymentsQuery(botId, startDate, endDate, page, limit), cancellationToken);

    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("subscriptions")]
    public Task<SubscriptionsPage> Subscriptions(
        [FromQuery(Name = "bot_id"), BindRequired] long botId, [FromQuery] string? status, [FromQuery] int? page, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        mediator.Send(new ListSubscriptionsQuery(botId, status, page, limit), cancellationToken);

    /// <summary>Active subscriptions whose <c>stop_date</c> falls within the next <c>days</c> days (default 7), soonest first.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("subscriptions/expiring")]
    public Task<SubscriptionsPage> ExpiringSubscriptions(
        [FromQuery(Name = "bot_id"), BindRequired] long botId, [FromQuery] int? days, [FromQuery] int? page, [FromQuery] int? limit, CancellationToken cancellationToken) =>
        mediator.Send(new ListExpiringSubscriptionsQuery(botId, days, page, limit), cancellationToken);
}
