using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Mapping;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Queries.ListActiveGames;

/// <summary>Unfinished games, newest first, projected to their summaries (<see cref="ActiveGameSummaryProfile"/>).</summary>
public sealed class ActiveGamesSpec : Specification<Game, ActiveGameSummary>
{
    /// <param name="take">0 for every game (counting uses the criteria only).</param>
    public ActiveGamesSpec(IConfigurationProvider mapping, int skip = 0, int take = 0)
    {
        Query.Where(g => g.Phase != GamePhase.Ended).OrderByDescending(g => g.StartedAt).ThenBy(g => g.Id).AsNoTracking();
        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }

        Query.Select(Projections.Of<Game, ActiveGameSummary>(mapping));
    }
}
