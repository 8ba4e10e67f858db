using CleanGames.Application.Identity.Contracts;
using CleanGames.Domain.Kitchen.Sessions;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>Reads and writes Kitchen sessions in the database for the session store.</summary>
internal sealed class KitchenSessionPersistence(IServiceScopeFactory scopes)
{
    /// <summary>The stored session (null when the account has none) and the account's email; null when the account does not exist.</summary>
    public async Task<(KitchenSession? Session, string Email)?> LoadAsync(long accountId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var account = await scope.ServiceProvider.GetRequiredService<IAccountDirectory>().FindContactAsync(accountId, cancellationToken);
        if (account is null)
        {
            return null;
        }

        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var session = await db.KitchenSessions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == accountId, cancellationToken);
        return (session, account.Email ?? string.Empty);
    }

    /// <summary>Writes the snapshots in one transaction: an update where the session is stored, an insert where not.</summary>
    public async Task SaveAsync(IReadOnlyCollection<KitchenSessionSnapshot> snapshots, CancellationToken cancellationToken)
    {
        if (snapshots.Count == 0)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var ids = snapshots.Select(s => s.AccountId).ToArray();
        var rows = await db.KitchenSessions.Where(s => ids.Contains(s.Id)).ToDictionaryAsync(s => s.Id, cancellationToken);
        foreach (var snapshot in snapshots)
        {
            if (rows.TryGetValue(snapshot.AccountId, out var row))
            {
                row.Restore(snapshot);
            }
            else
            {
                db.KitchenSessions.Add(KitchenSession.FromSnapshot(snapshot));
            }
        }

        await db.SaveChangesAsync(cancellationToken);
    }
}
