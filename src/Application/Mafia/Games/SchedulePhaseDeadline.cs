using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Mafia.Games.Events;
using MediatR;

namespace CleanGames.Application.Mafia.Games;

/// <summary>Every phase that begins gets its deadline scheduled once the game is saved.</summary>
public sealed class SchedulePhaseDeadline(IPhaseDeadlineScheduler scheduler) : INotificationHandler<DomainEventNotification<PhaseChanged>>
{
    public Task Handle(DomainEventNotification<PhaseChanged> notification, CancellationToken cancellationToken) =>
        notification.Event.Deadline is { } deadline
            ? scheduler.ScheduleAsync(notification.Event.GameId, notification.Event.PhaseNumber, deadline, cancellationToken)
            : Task.CompletedTask;
}

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
