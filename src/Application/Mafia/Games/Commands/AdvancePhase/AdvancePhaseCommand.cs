using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.AdvancePhase;

/// <summary>Admin: ends the current phase now, resolved as at its deadline.</summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record AdvancePhaseCommand(string GameId) : IRequest<GameStateView>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(GameId);
}

public sealed class AdvancePhaseCommandHandler(IRepository<Game> games, GameAccess access, IClock clock, IServerRun run) : IRequestHandler<AdvancePhaseCommand, GameStateView>
{
    public async Task<GameStateView> Handle(AdvancePhaseCommand request, CancellationToken cancellationToken)
    {
        var game = await access.LoadAsync(games, request.GameId, cancellationToken);
        var now = clock.UtcNow;
        game.AdvancePhase(now, run.StartedAt);
        await games.SaveChangesAsync(cancellationToken);
        return GameViews.State(game, access.CallerId, now);
    }
}
