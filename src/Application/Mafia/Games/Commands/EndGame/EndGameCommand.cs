using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.EndGame;

/// <summary>Admin: ends the game with the given winner (<c>mafia</c> or <c>citizens</c>).</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record EndGameCommand(string GameId, string? WinnerTeam) : IRequest<GameStateView>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class EndGameCommandHandler(IRepository<Game> games, GameAccess access, IClock clock) : IRequestHandler<EndGameCommand, GameStateView>
{
    public async Task<GameStateView> Handle(EndGameCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken);
        var now = clock.UtcNow;
        game.ForceEnd(request.WinnerTeam == "mafia" ? Team.Mafia : Team.Citizens, now);
        await games.SaveChangesAsync(cancellationToken);
        return GameViews.State(game, access.CallerId, now);
    }
}
