using CleanGames.Application.Common.Models;
using CleanGames.Application.Identity.Contracts;
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
/// Names come afterwards from Identity's directory, for the page's accounts only: the ranking never
/// needs the accounts table, so a page stays three queries (count, ranked keys, names).
/// </remarks>
internal sealed class KitchenLeaderboardReader(ApplicationDbContext db, IAccountDirectory accounts) : IKitchenLeaderboardReader
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
        var names = await accounts.PublicNamesAsync(pageRows.Select(r => r.AccountId).ToArray(), cancellationToken);

        // Emails are private, so a player without a public name is listed without one.
        var entries = pageRows.Select((r, i) => new KitchenLeaderboardEntry(page.Skip + i + 1, r.AccountId, names.GetValueOrDefault(r.AccountId),
            r.PrestigePoints, r.LifetimeEarnings, r.Rank)).ToList();
        return new PagedList<KitchenLeaderboardEntry>(entries, page.Page, page.PageSize, total);
    }
}
