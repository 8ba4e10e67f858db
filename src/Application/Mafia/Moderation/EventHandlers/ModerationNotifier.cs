using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using MediatR;

namespace CleanGames.Application.Mafia.Moderation.EventHandlers;

/// <summary>The <c>data</c> of a <c>ban_lifted</c> notification: <c>reason</c> is <c>expired</c> or <c>appeal_approved</c>.</summary>
public sealed record BanLiftedNotice(string BanId, string Reason);

/// <summary>The <c>data</c> of a <c>restriction_lifted</c> notification: <c>reason</c> is <c>expired</c> or <c>lifted</c> (a moderator ended it early).</summary>
public sealed record RestrictionLiftedNotice(string RestrictionId, string Type, string Reason);

/// <summary>Tells the player on <c>/ws/notifications</c> and <c>/hubs/notifications</c> when a ban or a restriction ends.</summary>
public sealed class ModerationNotifier(IRealtimeNotifier notifier, IClock clock)
    : INotificationHandler<DomainEventNotification<BanLifted>>, INotificationHandler<DomainEventNotification<RestrictionLifted>>
{
    public Task Handle(DomainEventNotification<BanLifted> notification, CancellationToken cancellationToken)
    {
        var lifted = notification.Event;
        return PublishAsync(lifted.UserId, "ban_lifted", new BanLiftedNotice(MafiaIds.Of(lifted.BanId), NameOf(lifted.Reason)), cancellationToken);
    }

    public Task Handle(DomainEventNotification<RestrictionLifted> notification, CancellationToken cancellationToken)
    {
        var lifted = notification.Event;
        var notice = new RestrictionLiftedNotice(MafiaIds.Of(lifted.RestrictionId), ModerationViews.NameOf(lifted.Type), lifted.Expired ? "expired" : "lifted");
        return PublishAsync(lifted.UserId, "restriction_lifted", notice, cancellationToken);
    }

    private static string NameOf(BanEnd reason) => reason switch
    {
        BanEnd.AppealApproved => "appeal_approved",
        _ => "expired",
    };

    private Task PublishAsync(long userId, string type, object data, CancellationToken cancellationToken) =>
        notifier.PublishAsync(
            new RealtimeEvent(MafiaTopics.Notifications, "notification", userId, new NotificationPayload(type, data, GameViews.Timestamp(clock.UtcNow))),
            cancellationToken).AsTask();
}
