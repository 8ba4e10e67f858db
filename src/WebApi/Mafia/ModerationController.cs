using CleanGames.Application.Mafia.Moderation.Commands.AppealBan;
using CleanGames.Application.Mafia.Moderation.Commands.BanPlayer;
using CleanGames.Application.Mafia.Moderation.Commands.ResolveAppeal;
using CleanGames.Application.Mafia.Moderation.Commands.ResolveReport;
using CleanGames.Application.Mafia.Moderation.Commands.RestrictPlayer;
using CleanGames.Application.Mafia.Moderation.Commands.WarnPlayer;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Moderation.Queries.GetModerationQueue;
using CleanGames.Application.Mafia.Moderation.Queries.GetModerationStatus;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Mafia;

/// <summary>Seed 000 <c>AppealRequest</c>.</summary>
public sealed record AppealRequest(string? AppealText = null);

/// <summary>Seed 000 <c>BanUserRequest</c>: no <c>duration_hours</c> bans permanently.</summary>
public sealed record BanUserRequest(string? UserId = null, int? DurationHours = null, string? Reason = null, string? Evidence = null);

/// <summary><c>POST /api/moderation/admin/restrict</c> body: <c>type</c> is <c>chat</c>, <c>voice</c> or <c>gifts</c>.</summary>
public sealed record RestrictUserRequest(string? UserId = null, string? Type = null, int DurationHours = 0, string? Reason = null, int? Value = null);

/// <summary><c>POST /api/moderation/admin/warn</c> body: <c>severity</c> 1–5.</summary>
public sealed record WarnUserRequest(string? UserId = null, string? Reason = null, int Severity = 0);

/// <summary><c>POST /api/moderation/admin/reports/{report_id}/resolve</c> body: <c>action</c> is <c>reject</c> or <c>uphold</c>.</summary>
public sealed record ResolveReportRequest(string? Action = null, string? Note = null);

/// <summary><c>POST /api/moderation/admin/appeals/{appeal_id}/resolve</c> body: <c>action</c> is <c>accept</c> or <c>reject</c>.</summary>
public sealed record ResolveAppealRequest(string? Action = null, string? Note = null);

/// <summary>Seed 000 section 7, <c>/api/moderation</c>, in the FastAPI dialect. Every action is in the moderation audit log.</summary>
[ApiController]
[Authorize]
[Route("api/moderation")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: moderation")]
public sealed class ModerationController(IMediator mediator) : ControllerBase
{
    /// <summary>A player's bans, restrictions, warnings and what they may do: the player themself, moderators and admins.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [HttpGet("status/{userId}")]
    public Task<ModerationStatusView> Status(string userId, CancellationToken cancellationToken) =>
        mediator.Send(new GetModerationStatusQuery(userId), cancellationToken);

    /// <summary>The banned caller appeals the ban that holds them (one open appeal at a time).</summary>
    [ProducesErrors(StatusCodes.Status409Conflict)]
    [HttpPost("appeal")]
    public Task<BanView> Appeal(AppealRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new AppealBanCommand(request.AppealText), cancellationToken);

    /// <summary>Bans a player (admin or moderator; a moderator cannot ban staff): at once out of lobbies, games and connections.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("admin/ban")]
    public Task<BanView> Ban(BanUserRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new BanPlayerCommand(request.UserId, request.DurationHours, request.Reason, request.Evidence), cancellationToken);

    /// <summary>Switches off a player's chat, voice or gifts for a time (admin or moderator; not in the seed).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("admin/restrict")]
    public Task<RestrictionView> Restrict(RestrictUserRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new RestrictPlayerCommand(request.UserId, request.Type, request.DurationHours, request.Reason, request.Value), cancellationToken);

    /// <summary>Puts a warning on a player's record (admin or moderator; not in the seed).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("admin/warn")]
    public Task<WarningView> Warn(WarnUserRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new WarnPlayerCommand(request.UserId, request.Reason, request.Severity), cancellationToken);

    /// <summary>The moderators' queue: open (oldest first) or resolved (newest first) reports or appeals, a page at a time (admin or moderator; not in the seed).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("admin/queue")]
    public Task<ModerationQueuePage> Queue([FromQuery] string? kind, [FromQuery] string? status, [FromQuery] int? page, [FromQuery(Name = "per_page")] int? perPage, CancellationToken cancellationToken) =>
        mediator.Send(new GetModerationQueueQuery(kind, status, page, perPage), cancellationToken);

    /// <summary>Upholds or rejects an open report with a note; rejecting the last report behind an interim chat restriction lifts it (admin or moderator; not in the seed).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("admin/reports/{reportId}/resolve")]
    public Task<ReportQueueItem> ResolveReport(string reportId, ResolveReportRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new ResolveReportCommand(reportId, request.Action, request.Note), cancellationToken);

    /// <summary>Accepts (lifting the ban) or rejects a ban's open appeal with a note; <c>appeal_id</c> is the ban's id (admin or moderator; not in the seed).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("admin/appeals/{appealId}/resolve")]
    public Task<AppealQueueItem> ResolveAppeal(string appealId, ResolveAppealRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new ResolveAppealCommand(appealId, request.Action, request.Note), cancellationToken);
}
