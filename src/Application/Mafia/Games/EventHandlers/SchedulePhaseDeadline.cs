using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Games.Events;
using MediatR;

namespace CleanGames.Application.Mafia.Games.EventHandlers;

/// <summary>Every phase that begins gets its deadline scheduled once the game is saved.</summary>
public sealed class SchedulePhaseDeadline(IPhaseDeadlineScheduler scheduler) : INotificationHandler<DomainEventNotification<PhaseChanged>>
{
    public Task Handle(DomainEventNotification<PhaseChanged> notification, CancellationToken cancellationToken) =>
        notification.Event.Deadline is { } deadline
            ? scheduler.ScheduleAsync(notification.Event.GameId, notification.Event.PhaseNumber, deadline, cancellationToken)
            : Task.CompletedTask;
}
