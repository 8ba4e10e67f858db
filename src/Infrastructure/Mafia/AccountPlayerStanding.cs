using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Mafia;

/// <summary>A banned account may not take a seat; the moderation module will refine this.</summary>
internal sealed class AccountPlayerStanding(ApplicationDbContext db) : IPlayerStanding
{
    public async Task<bool> MayPlayAsync(long accountId, CancellationToken cancellationToken) =>
        !await db.Accounts.AsNoTracking().AnyAsync(a => a.Id == accountId && a.Status == Domain.Identity.Accounts.AccountStatus.Banned, cancellationToken);
}
