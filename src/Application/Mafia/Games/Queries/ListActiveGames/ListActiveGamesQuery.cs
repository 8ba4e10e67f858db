using AutoMapper;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.ListActiveGames;

/// <summary>Seed <c>GameListResponse</c>: unfinished games, newest first, projected in the database (no game is loaded).</summary>
[AuthorizeRequest]
public sealed record ListActiveGamesQuery(int? Page, int? PerPage) : IRequest<GameListResult>, IPagedRequest;

public sealed record ActiveGameSummary(string GameId, string Mode, string Phase, int DayCount, int PlayersCount, int AliveCount, string StartedAt);

public sealed record GameListResult(IReadOnlyList<ActiveGameSummary> Games, long Total, int Page, int PerPage);

public sealed class ListActiveGamesQueryHandler(IReadRepository<Game> games, IMapper mapper) : IRequestHandler<ListActiveGamesQuery, GameListResult>
{
    public async Task<GameListResult> Handle(ListActiveGamesQuery request, CancellationToken cancellationToken)
    {
        var page = PageRequest.Of(request);
        var total = await games.CountAsync(new ActiveGamesSpec(mapper.ConfigurationProvider), cancellationToken);
        if (page.StartsAfter(total))
        {
            return new GameListResult([], total, page.Page, page.PageSize);
        }

        var summaries = await games.ListAsync(new ActiveGamesSpec(mapper.ConfigurationProvider, page.Skip, page.PageSize), cancellationToken);
        return new GameListResult(summaries, total, page.Page, page.PageSize);
    }
}
