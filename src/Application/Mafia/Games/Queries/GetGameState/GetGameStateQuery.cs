using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.GetGameState;

[AuthorizeRequest]
public sealed record GetGameStateQuery(string GameId) : IRequest<GameStateView>;

public sealed class GetGameStateQueryHandler(IReadRepository<Game> games, GameAccess access, IClock clock) : IRequestHandler<GetGameStateQuery, GameStateView>
{
    public async Task<GameStateView> Handle(GetGameStateQuery request, CancellationToken cancellationToken) =>
        GameViews.State(await access.LoadAsync(games, request.GameId, cancellationToken), access.CallerId, clock.UtcNow);
}
