using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Social;
using MediatR;

namespace CleanGames.Application.Mafia.Social.EventHandlers;

/// <summary>The <c>data</c> of a <c>social_gift_received</c> notification.</summary>
public sealed record SocialGiftReceivedNotice(string GiftId, string FromUser, string GiftType, long Price, string? GameId);

/// <summary>
/// Tells a catalogue gift's receiver on <c>/ws/notifications</c> and <c>/hubs/notifications</c>:
/// <c>notification_type: "social_gift_received"</c>, through the same path as the token gift's
/// <c>gift_received</c>, whose <c>amount</c> means tokens credited (a catalogue gift credits none).
/// </summary>
public sealed class SocialGiftNotifier(IRealtimeNotifier notifier) : INotificationHandler<DomainEventNotification<SocialGiftSent>>
{
    public Task Handle(DomainEventNotification<SocialGiftSent> notification, CancellationToken cancellationToken)
    {
        var gift = notification.Event;
        var notice = new SocialGiftReceivedNotice(MafiaIds.Of(gift.GiftId), MafiaIds.Of(gift.SenderId), gift.GiftType, gift.Price, gift.GameId is { } game ? MafiaIds.Of(game) : null);
        return notifier.PublishAsync(
            new RealtimeEvent(MafiaTopics.Notifications, "notification", gift.ReceiverId, new NotificationPayload("social_gift_received", notice, GameViews.Timestamp(gift.At))),
            cancellationToken).AsTask();
    }
}
