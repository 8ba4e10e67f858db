using Ardalis.Specification;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;

/// <summary>The first <paramref name="take"/> stored sessions in leaderboard order, as their ranking keys only.</summary>
public sealed class KitchenStandingsSpec : Specification<KitchenSession, KitchenStanding>
{
    public KitchenStandingsSpec(int take)
    {
        Query.AsNoTracking()
            .OrderByDescending(s => s.PrestigePoints).ThenByDescending(s => s.LifetimeEarnings).ThenBy(s => s.Id)
            .Take(take);
        Query.Select(s => new KitchenStanding(s.Id, s.PrestigePoints, s.LifetimeEarnings, s.Rank));
    }
}
