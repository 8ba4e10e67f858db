using AutoMapper;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Audit;
using MediatR;

namespace CleanGames.Application.Identity.Commands.SetAccountRoles;

/// <summary>
/// Admin: makes <see cref="Roles"/> the account's roles (<c>moderator</c>, <c>admin</c>; every account
/// keeps <c>user</c>), granting what is missing and revoking what is not listed. Each grant and revoke
/// is written to the role audit log with the acting admin and their address, in the same save.
/// </summary>
[AuthorizeRequest(Roles = Application.Common.Abstractions.Roles.Admin)]
public sealed record SetAccountRolesCommand(long AccountId, IReadOnlyList<string>? Roles) : IRequest<AdminAccountView>;

public sealed class SetAccountRolesCommandHandler(
    IRepository<Account> accounts,
    IRepository<RoleAuditEntry> audit,
    ICurrentUser currentUser,
    IMapper mapper,
    IClock clock) : IRequestHandler<SetAccountRolesCommand, AdminAccountView>
{
    public async Task<AdminAccountView> Handle(SetAccountRolesCommand request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetByIdAsync(request.AccountId, cancellationToken)
                      ?? throw new DomainException(IdentityErrors.AccountUnknown);
        var wanted = request.Roles!.Aggregate(AccountRoles.None, (roles, name) => roles | AccountRoleNames.Parse(name));
        var actor = currentUser.AccountId!.Value;
        if (account.Id == actor && !wanted.HasFlag(AccountRoles.Admin))
        {
            throw new DomainException(IdentityErrors.SelfDemotion);
        }

        var (granted, revoked) = account.SetElevatedRoles(wanted);
        var now = clock.UtcNow;
        if (granted != AccountRoles.None)
        {
            await audit.AddAsync(RoleAuditEntry.Record(RoleAuditAction.Grant, account, granted, actor, currentUser.ClientAddress, now), cancellationToken);
        }

        if (revoked != AccountRoles.None)
        {
            await audit.AddAsync(RoleAuditEntry.Record(RoleAuditAction.Revoke, account, revoked, actor, currentUser.ClientAddress, now), cancellationToken);
        }

        await accounts.SaveChangesAsync(cancellationToken);
        return mapper.Map<AdminAccountRow>(account).ToView();
    }
}
