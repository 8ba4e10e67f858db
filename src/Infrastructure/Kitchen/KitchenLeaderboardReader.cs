using CleanGames.Application.Common.Models;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Kitchen;

/// <remarks>
/// Prestige points and lifetime earnings only ever grow, so a session's stored keys are at most its
/// live ones: every session whose stored keys are current and that belongs in the first
/// skip + take places is among the first skip + take stored rows. Those rows, with the live
/// sessions' keys laid over them and the live sessions added, ranked again, give the exact page.
/// </remarks>
internal sealed class KitchenLeaderboardReader(ApplicationDbContext db) : IKitchenLeaderboardReader
{
    public async Task<PagedList<KitchenLeaderboardEntry>> ReadAsync(PageRequest page, IReadOnlyList<KitchenStanding> live, CancellationToken cancellationToken)
    {
        var total = await db.KitchenSessions.LongCountAsync(cancellationToken);
        var stored = await db.KitchenSessions.AsNoTracking()
            .OrderByDescending(s => s.PrestigePoints).ThenByDescending(s => s.LifetimeEarnings).ThenBy(s => s.Id)
            .Take(page.Skip + page.PageSize)
            .Select(s => new KitchenStanding(s.Id, s.PrestigePoints, s.LifetimeEarnings, s.Rank))
            .ToListAsync(cancellationToken);

        var merged = stored.ToDictionary(s => s.AccountId);
        foreach (var standing in live)
        {
            merged[standing.AccountId] = standing;
        }

        var pageRows = merged.Values
            .OrderByDescending(s => s.PrestigePoints).ThenByDescending(s => s.LifetimeEarnings).ThenBy(s => s.AccountId)
            .Skip(page.Skip).Take(page.PageSize)
            .ToList();
        var ids = pageRows.Select(r => r.AccountId).ToArray();
        var names = await db.Accounts.AsNoTracking()
            .Where(a => ids.Contains(a.Id))
            .Select(a => new
            {
                a.Id,
                a.DisplayName,
                a.Username,
                TelegramFirstName = a.Telegram != null ? a.Telegram.FirstName : null,
                TelegramUsername = a.Telegram != null ? a.Telegram.Username : null,
            })
            .ToDictionaryAsync(a => a.Id, cancellationToken);

        // The account's public name, as Account.EffectiveDisplayName picks it; emails are private,
        // so a player without a public name is listed without one.
        var entries = pageRows.Select((r, i) =>
        {
            var name = names.GetValueOrDefault(r.AccountId);
            return new KitchenLeaderboardEntry(page.Skip + i + 1, r.AccountId, name?.DisplayName ?? name?.Username ?? name?.TelegramFirstName ?? name?.TelegramUsername,
                r.PrestigePoints, r.LifetimeEarnings, r.Rank);
        }).ToList();
        return new PagedList<KitchenLeaderboardEntry>(entries, page.Page, page.PageSize, total);
    }
}
