using CleanGames.Application.Common.Models;
using CleanGames.Application.Kitchen.Sessions.Queries;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Kitchen;

internal sealed class KitchenLeaderboardReader(ApplicationDbContext db) : IKitchenLeaderboardReader
{
    public async Task<PagedList<KitchenLeaderboardEntry>> ReadAsync(PageRequest page, CancellationToken cancellationToken)
    {
        var total = await db.KitchenSessions.LongCountAsync(cancellationToken);
        var rows = await db.KitchenSessions.AsNoTracking()
            .OrderByDescending(s => s.PrestigePoints).ThenByDescending(s => s.LifetimeEarnings).ThenBy(s => s.Id)
            .Skip(page.Skip).Take(page.PageSize)
            .Join(db.Accounts, s => s.Id, a => a.Id, (s, a) => new
            {
                s.Id,
                s.PrestigePoints,
                s.LifetimeEarnings,
                s.Rank,
                a.DisplayName,
                a.Username,
                TelegramFirstName = a.Telegram != null ? a.Telegram.FirstName : null,
                TelegramUsername = a.Telegram != null ? a.Telegram.Username : null,
            })
            .ToListAsync(cancellationToken);

        // The account's public name, as Account.EffectiveDisplayName picks it; emails are private,
        // so a player without a public name is listed without one.
        var entries = rows.Select((r, i) => new KitchenLeaderboardEntry(
            page.Skip + i + 1, r.Id, r.DisplayName ?? r.Username ?? r.TelegramFirstName ?? r.TelegramUsername, r.PrestigePoints, r.LifetimeEarnings, r.Rank)).ToList();
        return new PagedList<KitchenLeaderboardEntry>(entries, page.Page, page.PageSize, total);
    }
}
