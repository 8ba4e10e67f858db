using CleanGames.Application.Common.Security;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Identity;

/// <summary>Reads an account's roles column: the answer a revoke changes at once (a banned account holds none).</summary>
internal sealed class StoredRoles(ApplicationDbContext db) : IRoleStore
{
    public async Task<IReadOnlyCollection<string>> RolesOfAsync(long accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new { a.Roles, a.Status })
            .FirstOrDefaultAsync(cancellationToken);
        return account is null || account.Status == AccountStatus.Banned ? [] : AccountRoleNames.Of(account.Roles);
    }
}
