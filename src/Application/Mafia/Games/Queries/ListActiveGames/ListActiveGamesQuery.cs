using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.ListActiveGames;

/// <summary>Seed <c>GameListResponse</c>: unfinished games, newest first.</summary>
[AuthorizeRequest]
public sealed record ListActiveGamesQuery(int? Page, int? PerPage) : IRequest<GameListResult>;

public sealed record ActiveGameSummary(string GameId, string Mode, string Phase, int DayCount, int PlayersCount, int AliveCount, string StartedAt);

public sealed record GameListResult(IReadOnlyList<ActiveGameSummary> Games, long Total, int Page, int PerPage);

public sealed class ListActiveGamesQueryHandler(IReadRepository<Game> games) : IRequestHandler<ListActiveGamesQuery, GameListResult>
{
    public async Task<GameListResult> Handle(ListActiveGamesQuery request, CancellationToken cancellationToken)
    {
        var page = new PageRequest(request.Page, request.PerPage);
        var total = await games.CountAsync(new ActiveGamesSpec(0, 0), cancellationToken);
        var list = await games.ListAsync(new ActiveGamesSpec(page.Skip, page.PageSize), cancellationToken);
        var summaries = list.Select(g => new ActiveGameSummary(
            MafiaIds.Of(g.Id), g.Mode, GameViews.Name(g.Phase), g.DayCount, g.Players.Count, g.Players.Count(p => p.IsAlive), GameViews.Timestamp(g.StartedAt))).ToArray();
        return new GameListResult(summaries, total, page.Page, page.PageSize);
    }
}
