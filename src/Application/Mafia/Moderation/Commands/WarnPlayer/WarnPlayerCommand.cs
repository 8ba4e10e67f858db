using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.WarnPlayer;

/// <summary>
/// <c>POST /api/moderation/admin/warn {user_id, reason, severity}</c> (admin or moderator; not in the
/// seed): puts a warning (severity 1–5) on the player's record. Answers the <c>Warning</c>.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed record WarnPlayerCommand(string? UserId, string? Reason, int Severity) : IRequest<WarningView>;

public sealed class WarnPlayerCommandHandler(
    ModerationTargets targets,
    IRepository<PlayerWarning> warnings,
    IRepository<ModerationLogEntry> log,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<WarnPlayerCommand, WarningView>
{
    public async Task<WarningView> Handle(WarnPlayerCommand request, CancellationToken cancellationToken)
    {
        var (actor, target) = await targets.ResolveAsync(request.UserId, cancellationToken);
        var now = clock.UtcNow;
        var warning = PlayerWarning.Issue(target, request.Reason!, request.Severity, actor, now);
        await warnings.AddAsync(warning, cancellationToken);
        await log.AddAsync(ModerationLogEntry.Record(actor, "warn", target, warning.Id, request.Reason, now), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return ModerationViews.For(warning);
    }
}
