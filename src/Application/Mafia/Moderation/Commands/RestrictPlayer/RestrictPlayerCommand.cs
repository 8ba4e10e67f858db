using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Commands.RestrictPlayer;

/// <summary>
/// <c>POST /api/moderation/admin/restrict {user_id, type, duration_hours, reason, value?}</c> (admin or
/// moderator; not in the seed, which has restrictions but no route to issue them): switches off
/// <c>chat</c>, <c>voice</c> or <c>gifts</c> for the player until it expires. Answers the <c>Restriction</c>.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin + "," + Roles.Moderator)]
public sealed record RestrictPlayerCommand(string? UserId, string? Type, int DurationHours, string? Reason, int? Value) : IRequest<RestrictionView>
{
    /// <summary>The longest restriction: a year.</summary>
    public const int MaxDurationHours = 8_760;
}

public sealed class RestrictPlayerCommandHandler(
    ModerationTargets targets,
    IRepository<Restriction> restrictions,
    IRepository<ModerationLogEntry> log,
    IUnitOfWork unitOfWork,
    IClock clock) : IRequestHandler<RestrictPlayerCommand, RestrictionView>
{
    public async Task<RestrictionView> Handle(RestrictPlayerCommand request, CancellationToken cancellationToken)
    {
        var (actor, target) = await targets.ResolveAsync(request.UserId, cancellationToken);
        var now = clock.UtcNow;
        var restriction = Restriction.Issue(target, ModerationViews.TypeNamed(request.Type)!.Value, request.Reason!, request.Value, actor, TimeSpan.FromHours(request.DurationHours), now);
        await restrictions.AddAsync(restriction, cancellationToken);
        await log.AddAsync(ModerationLogEntry.Record(actor, "restrict", target, restriction.Id, $"{request.Type}: {request.Reason}", now), cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        return ModerationViews.For(restriction);
    }
}
