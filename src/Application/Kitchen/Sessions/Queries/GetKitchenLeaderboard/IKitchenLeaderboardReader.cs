using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;

/// <summary>
/// Reads the leaderboard from the database with <paramref name="live"/> (the live store's sessions
/// whose latest changes are not written yet) laid over it, so the ranking is never stale and
/// reading it writes nothing.
/// </summary>
public interface IKitchenLeaderboardReader
{
    Task<PagedList<KitchenLeaderboardEntry>> ReadAsync(PageRequest page, IReadOnlyList<KitchenStanding> live, CancellationToken cancellationToken);
}
