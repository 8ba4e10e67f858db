using Ardalis.Specification;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Queries.GetPlayers;

/// <summary>What the players list needs of a game: whether it has ended and its seats, nothing else.</summary>
public sealed record GameRoster(GamePhase Phase, IReadOnlyList<SeatRow> Seats)
{
    public bool IsOver => Phase == GamePhase.Ended;

    /// <summary>The viewer's role at this table; null for anyone who is not a player.</summary>
    public Role? RoleOf(long viewerId) => Seats.FirstOrDefault(s => s.AccountId == viewerId)?.Role;
}

public sealed record SeatRow(long AccountId, int Seat, Role Role, bool IsAlive, DeathReason? DeathReason);

public sealed class GameRosterSpec : Specification<Game, GameRoster>
{
    public GameRosterSpec(Guid gameId)
    {
        Query.Where(g => g.Id == gameId).AsNoTracking();
        Query.Select(g => new GameRoster(
            g.Phase,
            g.Players.OrderBy(p => p.Seat).Select(p => new SeatRow(p.AccountId, p.Seat, p.Role, p.IsAlive, p.DeathReason)).ToList()));
    }
}
