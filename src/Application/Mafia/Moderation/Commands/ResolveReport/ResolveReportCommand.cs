using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.ResolveReport;

/// <summary>
/// <c>POST /api/moderation/admin/reports/{report_id}/resolve {action: "reject"|"uphold", note}</c> (admin
/// or moderator; ours): decides an open report, audited with the note. Rejecting the last of the reports
/// behind an interim chat restriction (none of them open or upheld any more) lifts it at once. Answers
/// the report as the queue shows it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed record ResolveReportCommand(string? ReportId, string? Action, string? Note) : IRequest<ReportQueueItem>, IAggregateLockedRequest
{
    public const string Reject = "reject";
    public const string Uphold = "uphold";

    /// <summary>Resolutions run one at a time on this instance, so two moderators rejecting the last two reports of one restriction at once still lift it.</summary>
    public string AggregateLockKey => "moderation.reports.resolve";
}

public sealed class ResolveReportCommandHandler(
    IRepository<PlayerReport> reports,
    IRepository<Restriction> restrictions,
    IRepository<ModerationLogEntry> log,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<ResolveReportCommand, ReportQueueItem>
{
    public async Task<ReportQueueItem> Handle(ResolveReportCommand request, CancellationToken cancellationToken)
    {
        var actor = user.AccountId!.Value;
        var report = ModerationQueueViews.IdOf(request.ReportId) is { } id
            ? await reports.FirstOrDefaultAsync(new ReportByIdSpec(id), cancellationToken)
            : null;
        if (report is null)
        {
            throw new DomainException(MafiaErrors.ReportNotFound);
        }

        if (report.ReportedUserId == actor)
        {
            throw new DomainException(MafiaErrors.ModerateSelf);
        }

        var now = clock.UtcNow;
        var uphold = request.Action == ResolveReportCommand.Uphold;
        report.Resolve(uphold, actor, request.Note!, now);
        await log.AddAsync(ModerationLogEntry.Record(actor, uphold ? "report_upheld" : "report_rejected", report.ReportedUserId, report.Id, request.Note, now), cancellationToken);
        if (!uphold && report.InterimRestrictionId is { } restrictionId
            && !await reports.AnyAsync(new UnrejectedReportsOfRestrictionSpec(restrictionId, report.Id), cancellationToken)
            && await restrictions.FirstOrDefaultAsync(new RestrictionByIdSpec(restrictionId), cancellationToken) is { } restriction
            && restriction.IsActiveAt(now))
        {
            restriction.Lift(now);
            await log.AddAsync(ModerationLogEntry.Record(actor, "restriction_lifted", restriction.UserId, restriction.Id, "reports rejected: " + request.Note, now), cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return ModerationQueueViews.For(report);
    }
}
