using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.Queries.GetModerationStatus;

/// <summary>
/// Seed 000 <c>GET /api/moderation/status/{user_id}</c> → <c>UserModerationStatus</c>: the player
/// themself, moderators and admins (others 403); an unknown player 404. <c>ban_details</c> is the ban
/// that holds (the one ending last), <c>restrictions</c> those in force, <c>warnings</c> the newest 50.
/// </summary>
[AuthorizeRequest]
public sealed record GetModerationStatusQuery(string? UserId) : IRequest<ModerationStatusView>;

public sealed class GetModerationStatusQueryHandler(
    IReadRepository<Ban> bans,
    IReadRepository<Restriction> restrictions,
    IReadRepository<PlayerWarning> warnings,
    IAccountDirectory accounts,
    IPlayerStanding standing,
    CallerRoles caller,
    ICurrentUser user,
    IClock clock) : IRequestHandler<GetModerationStatusQuery, ModerationStatusView>
{
    public async Task<ModerationStatusView> Handle(GetModerationStatusQuery request, CancellationToken cancellationToken)
    {
        var target = MafiaIds.Account(request.UserId);
        if (target != user.AccountId && !await caller.IsInAnyRoleAsync([Roles.Moderator, Roles.Admin], cancellationToken))
        {
            throw new DomainException(MafiaErrors.NotYourStatus);
        }

        if (target is not { } userId || await accounts.FindContactAsync(userId, cancellationToken) is null)
        {
            throw new DomainException(MafiaErrors.PlayerNotFound);
        }

        var now = clock.UtcNow;
        var ban = await bans.FirstOrDefaultAsync(new ActiveBansOfSpec(userId, now), cancellationToken);
        var inForce = await restrictions.ListAsync(new ActiveRestrictionsOfSpec(userId, now), cancellationToken);
        var record = await warnings.ListAsync(new WarningsOfSpec(userId), cancellationToken);
        var can = await standing.OfAsync(userId, cancellationToken);
        return new ModerationStatusView(
            ban is not null,
            ban is null ? null : ModerationViews.For(ban),
            inForce.Select(ModerationViews.For).ToArray(),
            record.Select(ModerationViews.For).ToArray(),
            can.CanPlay,
            can.CanVoice,
            can.CanChat,
            can.CanSendGifts);
    }
}
