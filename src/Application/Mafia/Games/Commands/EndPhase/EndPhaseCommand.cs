using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.EndPhase;

/// <summary>
/// A phase deadline (sent by the deadline job): ends phase <see cref="PhaseNumber"/> unless the game
/// has moved on. A deadline acted on more than a second late never counts against idle players.
/// </summary>
public sealed record EndPhaseCommand(Guid GameId, int PhaseNumber) : IRequest<bool>, IAggregateLockedRequest
{
    public string AggregateLockKey => MafiaIds.GameLock(MafiaIds.Of(GameId));
}

public sealed class EndPhaseCommandHandler(IRepository<Game> games, IClock clock, IServerRun run) : IRequestHandler<EndPhaseCommand, bool>
{
    public async Task<bool> Handle(EndPhaseCommand request, CancellationToken cancellationToken)
    {
        var game = await games.FirstOrDefaultAsync(new GameByIdSpec(request.GameId), cancellationToken);
        if (game is null)
        {
            return false;
        }

        // The trigger firing is the deadline; the clock only measures how late it fired.
        if (!game.EndPhase(request.PhaseNumber, clock.UtcNow, run.StartedAt))
        {
            return false;
        }

        await games.SaveChangesAsync(cancellationToken);
        return true;
    }
}
