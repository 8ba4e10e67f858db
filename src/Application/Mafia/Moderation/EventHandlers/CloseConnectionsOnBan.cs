using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.EventHandlers;

/// <summary>A ban ends the player's open sockets and hub connections at once (new ones are refused on connect).</summary>
public sealed class CloseConnectionsOnBan(IAccountConnections connections) : INotificationHandler<DomainEventNotification<PlayerBanned>>
{
    public Task Handle(DomainEventNotification<PlayerBanned> notification, CancellationToken cancellationToken) =>
        connections.CloseAllAsync(notification.Event.UserId, "banned", cancellationToken).AsTask();
}
