using Ardalis.Specification;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Queries.GetHistory;

/// <summary>
/// What the history needs of a game: whether it has ended, the caller's role at the table (null when
/// not a player) and the entries of the asked day, in order; nothing else is read.
/// </summary>
public sealed record GameLog(GamePhase Phase, Role? CallerRole, IReadOnlyList<GameActionEntry> Entries)
{
    public bool IsOver => Phase == GamePhase.Ended;
}

public sealed class GameLogSpec : Specification<Game, GameLog>
{
    public GameLogSpec(Guid gameId, long callerId, int? day)
    {
        Query.Where(g => g.Id == gameId).AsNoTracking();
        Query.Select(g => new GameLog(
            g.Phase,
            g.Players.Where(p => p.AccountId == callerId).Select(p => (Role?)p.Role).FirstOrDefault(),
            g.History
                .Where(e => day == null || e.Day == day)
                .OrderBy(e => e.Sequence)
                .Select(e => new GameActionEntry(e.Sequence, e.Day, e.Phase, e.PlayerId, e.ActionType, e.TargetId, e.Result, e.Visibility, e.Timestamp))
                .ToList()));
    }
}
