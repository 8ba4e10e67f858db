using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;

/// <summary>Sessions ranked by prestige points, then lifetime earnings (then the earlier account).</summary>
public sealed record GetKitchenLeaderboardQuery(int? Page, int? PerPage) : IRequest<PagedList<KitchenLeaderboardEntry>>, INoConcurrencyRetry;

/// <summary>One leaderboard line; <c>display_name</c> is the account's public name (null when it has none; emails are never shown).</summary>
public sealed record KitchenLeaderboardEntry(int Position, long UserId, string? DisplayName, long Prestige, long LifetimeEarnings, int Rank);

public sealed class GetKitchenLeaderboardQueryHandler(IKitchenSessionStore store, IKitchenLeaderboardReader reader) : IRequestHandler<GetKitchenLeaderboardQuery, PagedList<KitchenLeaderboardEntry>>
{
    public Task<PagedList<KitchenLeaderboardEntry>> Handle(GetKitchenLeaderboardQuery request, CancellationToken cancellationToken) =>
        reader.ReadAsync(new PageRequest(request.Page, request.PerPage), store.UnwrittenStandings(), cancellationToken);
}
