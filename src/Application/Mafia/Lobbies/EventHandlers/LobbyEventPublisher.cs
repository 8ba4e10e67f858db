using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.EventHandlers;

/// <summary>Tells every member of a lobby who joined, who is ready and who left (<c>notification</c> on the notification socket and hub).</summary>
public sealed class LobbyEventPublisher(IReadRepository<Lobby> lobbies, IRealtimeNotifier notifier, IClock clock) :
    INotificationHandler<DomainEventNotification<LobbyMemberJoined>>,
    INotificationHandler<DomainEventNotification<LobbyMemberReady>>,
    INotificationHandler<DomainEventNotification<LobbyMemberLeft>>
{
    public Task Handle(DomainEventNotification<LobbyMemberJoined> notification, CancellationToken cancellationToken) =>
        NotifyMembersAsync(notification.Event.LobbyId, "lobby_member_joined", notification.Event.AccountId, cancellationToken);

    public Task Handle(DomainEventNotification<LobbyMemberReady> notification, CancellationToken cancellationToken) =>
        NotifyMembersAsync(notification.Event.LobbyId, "lobby_member_ready", notification.Event.AccountId, cancellationToken);

    public Task Handle(DomainEventNotification<LobbyMemberLeft> notification, CancellationToken cancellationToken) =>
        NotifyMembersAsync(notification.Event.LobbyId, "lobby_member_left", notification.Event.AccountId, cancellationToken);

    private async Task NotifyMembersAsync(Guid lobbyId, string type, long accountId, CancellationToken cancellationToken)
    {
        // By id: the lobby the command just saved is still tracked, so it is not read again.
        var lobby = await lobbies.GetByIdAsync(lobbyId, cancellationToken);
        if (lobby is null)
        {
            return;
        }

        var payload = new NotificationPayload(type, new LobbyNotice(MafiaIds.Of(lobbyId), MafiaIds.Of(accountId), lobby.Members.Count, lobby.Members.Count(m => m.Ready)), GameViews.Timestamp(clock.UtcNow));
        foreach (var member in lobby.Members)
        {
            await notifier.PublishAsync(new RealtimeEvent(MafiaTopics.Notifications, "notification", member.AccountId, payload), cancellationToken);
        }
    }
}

/// <summary>A lobby notice's <c>data</c>: who, and how full and ready the lobby now is.</summary>
public sealed record LobbyNotice(string LobbyId, string UserId, int Members, int Ready);
