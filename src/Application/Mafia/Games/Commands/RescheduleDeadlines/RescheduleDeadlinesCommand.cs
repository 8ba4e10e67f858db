using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Commands.RescheduleDeadlines;

/// <summary>After a restart: every unfinished game's current deadline is scheduled again (one already past fires at once).</summary>
public sealed record RescheduleDeadlinesCommand : IRequest<int>;

public sealed class RescheduleDeadlinesCommandHandler(Application.Common.Abstractions.IReadRepository<Domain.Mafia.Games.Game> games, IPhaseDeadlineScheduler scheduler)
    : IRequestHandler<RescheduleDeadlinesCommand, int>
{
    public async Task<int> Handle(RescheduleDeadlinesCommand request, CancellationToken cancellationToken)
    {
        var unfinished = await games.ListAsync(new UnfinishedGamesSpec(), cancellationToken);
        foreach (var game in unfinished.Where(g => g.PhaseDeadline is not null))
        {
            await scheduler.ScheduleAsync(game.Id, game.PhaseNumber, game.PhaseDeadline!.Value, cancellationToken);
        }

        return unfinished.Count;
    }
}
