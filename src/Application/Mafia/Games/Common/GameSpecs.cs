using Ardalis.Specification;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Common;

public sealed class GameByIdSpec : Specification<Game>
{
    /// <param name="forReading">A read that changes nothing: not tracked, so a second read in the same scope sees the database again.</param>
    public GameByIdSpec(Guid id, bool forReading = false)
    {
        Query.Where(g => g.Id == id);
        if (forReading)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class UnfinishedGameOfPlayerSpec : Specification<Game>
{
    public UnfinishedGameOfPlayerSpec(long accountId) =>
        Query.Where(g => g.Phase != GamePhase.Ended && g.Players.Any(p => p.AccountId == accountId)).OrderByDescending(g => g.StartedAt);
}

/// <summary>Unfinished games any of <paramref name="accountIds"/> sits in (for one existence check over a whole table).</summary>
public sealed class UnfinishedGameOfAnySpec : Specification<Game>
{
    public UnfinishedGameOfAnySpec(IReadOnlyCollection<long> accountIds) =>
        Query.Where(g => g.Phase != GamePhase.Ended && g.Players.Any(p => accountIds.Contains(p.AccountId)));
}

public sealed class UnfinishedGamesSpec : Specification<Game>
{
    public UnfinishedGamesSpec() => Query.Where(g => g.Phase != GamePhase.Ended);
}
