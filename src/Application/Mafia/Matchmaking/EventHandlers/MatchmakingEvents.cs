using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;

namespace CleanGames.Application.Mafia.Matchmaking.EventHandlers;

/// <summary>The <c>data</c> of a <c>match_found</c> notification.</summary>
public sealed record MatchFoundNotice(string GameId);

/// <summary>A saved join asks the matcher to run; a saved match tells the player <c>match_found {game_id}</c> on <c>/ws/notifications</c> and <c>/hubs/notifications</c>.</summary>
public sealed class MatchmakingEvents(IMatchmakingTrigger matcher, IRealtimeNotifier notifier, IClock clock)
    : INotificationHandler<DomainEventNotification<PlayerQueued>>, INotificationHandler<DomainEventNotification<QueueEntryMatched>>
{
    public Task Handle(DomainEventNotification<PlayerQueued> notification, CancellationToken cancellationToken)
    {
        matcher.RequestRun();
        return Task.CompletedTask;
    }

    public Task Handle(DomainEventNotification<QueueEntryMatched> notification, CancellationToken cancellationToken)
    {
        var matched = notification.Event;
        var payload = new NotificationPayload("match_found", new MatchFoundNotice(MafiaIds.Of(matched.GameId)), GameViews.Timestamp(clock.UtcNow));
        return notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Notifications, "notification", matched.AccountId, payload), cancellationToken).AsTask();
    }
}
