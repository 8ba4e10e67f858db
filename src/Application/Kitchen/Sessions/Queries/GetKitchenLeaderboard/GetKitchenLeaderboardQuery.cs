using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Kitchen.Sessions;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;

/// <summary>Sessions ranked by prestige points, then lifetime earnings (then the earlier account).</summary>
public sealed record GetKitchenLeaderboardQuery(int? Page, int? PerPage) : IRequest<PagedList<KitchenLeaderboardEntry>>, IPagedRequest, INoConcurrencyRetry;

/// <summary>One leaderboard line; <c>display_name</c> is the account's public name (null when it has none; emails are never shown).</summary>
public sealed record KitchenLeaderboardEntry(int Position, long UserId, string? DisplayName, long Prestige, long LifetimeEarnings, int Rank);

/// <summary>
/// The stored ranking with the live store's unwritten sessions laid over it, so the leaderboard is
/// never stale and reading it writes nothing.
/// </summary>
/// <remarks>
/// Prestige points and lifetime earnings only ever grow, so a session's stored keys are at most its
/// live ones: every session whose stored keys are current and that belongs in the first
/// skip + take places is among the first skip + take stored rows, which the ranking index serves in
/// order (skip + take is at most <see cref="PageRequest.MaxWindow"/>). Those rows, with the live
/// sessions' keys laid over them and the live sessions added, ranked again, give the exact page.
/// Names come afterwards from Identity's directory, for the page's accounts only, so a page is three
/// queries (count, ranked keys, names) and no session is loaded whole.
/// </remarks>
public sealed class GetKitchenLeaderboardQueryHandler(IKitchenSessionStore store, IReadRepository<KitchenSession> sessions, IAccountDirectory accounts)
    : IRequestHandler<GetKitchenLeaderboardQuery, PagedList<KitchenLeaderboardEntry>>
{
    public async Task<PagedList<KitchenLeaderboardEntry>> Handle(GetKitchenLeaderboardQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request);
        var total = await sessions.CountAsync(cancellationToken);

        // A session is written before its first reply, so the stored count is the ranking's length:
        // a page past it is empty, and answering it reads nothing more.
        if (page.StartsAfter(total))
        {
            return new PagedList<KitchenLeaderboardEntry>([], page.Page, page.PageSize, total);
        }

        var live = store.UnwrittenStandings();
        var stored = await sessions.ListAsync(new KitchenStandingsSpec(page.End), cancellationToken);

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
