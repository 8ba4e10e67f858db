using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.ResolveAppeal;

/// <summary>
/// <c>POST /api/moderation/admin/appeals/{appeal_id}/resolve {action: "accept"|"reject", note}</c> (admin
/// or moderator; ours; <c>appeal_id</c> is the appealed ban's id): decides the ban's open appeal, audited
/// with the note, which becomes the ban's <c>notes</c>. Accepting lifts the ban at once: the account is
/// unbanned in the same save once no other ban holds it, and the player is told <c>ban_lifted</c>
/// (<c>reason: "appeal_approved"</c>). Answers the appeal as the queue shows it.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed record ResolveAppealCommand(string? AppealId, string? Action, string? Note) : IRequest<AppealQueueItem>
{
    public const string Accept = "accept";
    public const string Reject = "reject";
}

public sealed class ResolveAppealCommandHandler(
    IRepository<Ban> bans,
    IRepository<ModerationLogEntry> log,
    IAccountBans accountBans,
    ICurrentUser user,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<ResolveAppealCommand, AppealQueueItem>
{
    public async Task<AppealQueueItem> Handle(ResolveAppealCommand request, CancellationToken cancellationToken)
    {
        var actor = user.AccountId!.Value;
        var ban = ModerationQueueViews.IdOf(request.AppealId) is { } id
            ? await bans.FirstOrDefaultAsync(new BanByIdSpec(id), cancellationToken)
            : null;
        if (ban is null || ban.AppealStatus == AppealStatus.None)
        {
            throw new DomainException(MafiaErrors.AppealNotFound);
        }

        if (ban.UserId == actor)
        {
            throw new DomainException(MafiaErrors.ModerateSelf);
        }

        var now = clock.UtcNow;
        var accept = request.Action == ResolveAppealCommand.Accept;
        ban.ResolveAppeal(accept, request.Note!, now);
        await log.AddAsync(ModerationLogEntry.Record(actor, accept ? "appeal_approved" : "appeal_rejected", ban.UserId, ban.Id, request.Note, now), cancellationToken);

        // The lifted ban is still active in the store until the save, so it is left out by id.
        if (ban.EndReason == BanEnd.AppealApproved
            && !(await bans.ListAsync(new ActiveBansOfSpec(ban.UserId, now), cancellationToken)).Exists(b => b.Id != ban.Id && b.IsActiveAt(now)))
        {
            await accountBans.UnbanAsync(ban.UserId, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        return ModerationQueueViews.AppealOf(ban);
    }
}
