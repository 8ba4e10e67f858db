using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary>
/// Who a moderator's action may touch: an existing account (404), not the moderator's own (409), and,
/// for a moderator who is not an admin, not an admin's or a moderator's (403).
/// </summary>
public sealed class ModerationTargets(IAccountDirectory accounts, IRoleStore roles, CallerRoles caller, ICurrentUser user)
{
    public async Task<(long Actor, long Target)> ResolveAsync(string? userId, CancellationToken cancellationToken)
    {
        var actor = user.AccountId!.Value;
        if (MafiaIds.Account(userId) is not { } target || await accounts.FindContactAsync(target, cancellationToken) is null)
        {
            throw new DomainException(MafiaErrors.PlayerNotFound);
        }

        if (target == actor)
        {
            throw new DomainException(MafiaErrors.ModerateSelf);
        }

        if (!await caller.IsInRoleAsync(Roles.Admin, cancellationToken))
        {
            var held = await roles.RolesOfAsync(target, cancellationToken);
            if (held.Contains(Roles.Admin) || held.Contains(Roles.Moderator))
            {
                throw new DomainException(MafiaErrors.ModeratorOnStaff);
            }
        }

        return (actor, target);
    }
}
