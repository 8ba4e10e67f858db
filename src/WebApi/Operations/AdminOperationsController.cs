using CleanGames.Application.Operations.Instances.Queries.GetConnections;
using CleanGames.Application.Operations.Jobs.Queries.ListScheduledJobs;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Operations;

/// <summary>
/// What the server holds (our own addition, Problem Details dialect; admin only): the realtime
/// connections per transport and instance, and the scheduled jobs with their next fire time.
/// </summary>
[ApiController]
[Authorize]
[Route("api/admin")]
[ApiDialect(ApiDialect.ProblemDetails)]
[Tags("Admin: operations")]
public sealed class AdminOperationsController(IMediator mediator) : ControllerBase
{
    /// <summary>Open connections per transport (raw WebSocket endpoint or hub) of every live instance; this instance counts its own now, the others as of their last heartbeat.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("connections")]
    public Task<ConnectionsView> Connections(CancellationToken cancellationToken) =>
        mediator.Send(new GetConnectionsQuery(), cancellationToken);

    /// <summary>The scheduler's triggers, the next to fire first: each job, its interval (null for a one-off deadline), next and previous fire time and state.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("jobs")]
    public Task<ScheduledJobsPage> Jobs([FromQuery] int? page, [FromQuery(Name = "per_page")] int? perPage, CancellationToken cancellationToken) =>
        mediator.Send(new ListScheduledJobsQuery(page, perPage), cancellationToken);
}
