using AutoMapper;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Queries.ListActiveGames;

/// <summary>
/// A game as the active-games list shows it: a plain mapping with no viewer rule, so it is a
/// projection the database runs (the counts are subqueries; the id, phase name and time are
/// formatted from the selected columns), and no game is loaded.
/// </summary>
public sealed class ActiveGameSummaryProfile : Profile
{
    public ActiveGameSummaryProfile() =>
        CreateProjection<Game, ActiveGameSummary>()
            .ForCtorParam(nameof(ActiveGameSummary.GameId), o => o.MapFrom(g => MafiaIds.Of(g.Id)))
            .ForCtorParam(nameof(ActiveGameSummary.Mode), o => o.MapFrom(g => g.Mode))
            .ForCtorParam(nameof(ActiveGameSummary.Phase), o => o.MapFrom(g => GameNames.Of(g.Phase)))
            .ForCtorParam(nameof(ActiveGameSummary.DayCount), o => o.MapFrom(g => g.DayCount))
            .ForCtorParam(nameof(ActiveGameSummary.PlayersCount), o => o.MapFrom(g => g.Players.Count))
            .ForCtorParam(nameof(ActiveGameSummary.AliveCount), o => o.MapFrom(g => g.Players.Count(p => p.IsAlive)))
            .ForCtorParam(nameof(ActiveGameSummary.StartedAt), o => o.MapFrom(g => GameViews.Timestamp(g.StartedAt)));
}
