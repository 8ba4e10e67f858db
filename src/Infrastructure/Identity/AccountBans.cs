using CleanGames.Application.Identity.Contracts;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Identity;

/// <summary>Bans and unbans accounts in the caller's unit of work (the scope's context): the caller's save writes it.</summary>
internal sealed class AccountBans(ApplicationDbContext db) : IAccountBans
{
    public async Task<bool> BanAsync(long accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        account?.Ban();
        return account is not null;
    }

    public async Task UnbanAsync(long accountId, CancellationToken cancellationToken)
    {
        var account = await db.Accounts.FirstOrDefaultAsync(a => a.Id == accountId, cancellationToken);
        account?.Unban();
    }
}
