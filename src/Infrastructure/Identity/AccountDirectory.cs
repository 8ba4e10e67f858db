using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Identity;

/// <summary>Answers other modules' questions about accounts with untracked projections of <c>identity_accounts</c>.</summary>
internal sealed class AccountDirectory(ApplicationDbContext db, IClock clock) : IAccountDirectory
{
    public Task<bool> IsSessionActiveAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        return db.RefreshTokenFamilies.AsNoTracking().AnyAsync(f => f.Id == sessionId && f.RevokedAt == null && f.ExpiresAt > now, cancellationToken);
    }

    public async Task<AccountContact?> FindContactAsync(long accountId, CancellationToken cancellationToken) =>
        await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new AccountContact(a.Id, a.Email))
            .FirstOrDefaultAsync(cancellationToken);

    public async Task<long?> TelegramIdAsync(long accountId, CancellationToken cancellationToken) =>
        await db.Accounts.AsNoTracking()
            .Where(a => a.Id == accountId && a.Telegram != null)
            .Select(a => (long?)a.Telegram!.TelegramId)
            .FirstOrDefaultAsync(cancellationToken);

    public Task<bool> IsBannedAsync(long accountId, CancellationToken cancellationToken) =>
        db.Accounts.AsNoTracking().AnyAsync(a => a.Id == accountId && a.Status == AccountStatus.Banned, cancellationToken);

    public async Task<IReadOnlyDictionary<long, string>> PublicNamesAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken)
    {
        if (accountIds.Count == 0)
        {
            return new Dictionary<long, string>();
        }

        var ids = accountIds.ToArray();
        var rows = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.DisplayName,
                a.Username,
                TelegramFirstName = a.Telegram != null ? a.Telegram.FirstName : null,
                TelegramUsername = a.Telegram != null ? a.Telegram.Username : null,
            })
            .ToListAsync(cancellationToken);

        // The order Account.EffectiveDisplayName picks, read from the columns rather than the aggregate.
        var names = new Dictionary<long, string>(rows.Count);
        foreach (var row in rows)
        {
            if ((row.DisplayName ?? row.Username ?? row.TelegramFirstName ?? row.TelegramUsername) is { } name)
            {
                names[row.Id] = name;
            }
        }

        return names;
    }
}
