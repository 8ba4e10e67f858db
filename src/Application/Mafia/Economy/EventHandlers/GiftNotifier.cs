using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.EventHandlers;

/// <summary>The <c>data</c> of a <c>gift_received</c> notification.</summary>
public sealed record GiftReceivedNotice(string TransactionId, string FromUser, long Amount, string? Message);

/// <summary>Tells a gift's receiver on <c>/ws/notifications</c> and <c>/hubs/notifications</c>: <c>notification_type: "gift_received"</c>.</summary>
public sealed class GiftNotifier(IRealtimeNotifier notifier) : INotificationHandler<DomainEventNotification<GiftSent>>
{
    public Task Handle(DomainEventNotification<GiftSent> notification, CancellationToken cancellationToken)
    {
        var gift = notification.Event;
        var notice = new GiftReceivedNotice(gift.TransactionId.ToString("D", CultureInfo.InvariantCulture), MafiaIds.Of(gift.GiverId), gift.Amount, gift.Message);
        return notifier.PublishAsync(
            new RealtimeEvent(MafiaTopics.Notifications, "notification", gift.ReceiverId, new NotificationPayload("gift_received", notice, GameViews.Timestamp(gift.At))),
            cancellationToken).AsTask();
    }
}
