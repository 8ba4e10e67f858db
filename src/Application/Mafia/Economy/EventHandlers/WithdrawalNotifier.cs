using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.EventHandlers;

/// <summary>The <c>data</c> of a <c>withdrawal_completed</c> or <c>withdrawal_failed</c> notification.</summary>
public sealed record WithdrawalNotice(string TransactionId, long Amount, string? TxHash);

/// <summary>Tells the player when a withdrawal is paid (<c>withdrawal_completed</c>) or failed and refunded (<c>withdrawal_failed</c>).</summary>
public sealed class WithdrawalNotifier(IRealtimeNotifier notifier) : INotificationHandler<DomainEventNotification<WithdrawalSettled>>
{
    public Task Handle(DomainEventNotification<WithdrawalSettled> notification, CancellationToken cancellationToken)
    {
        var settled = notification.Event;
        var notice = new WithdrawalNotice(settled.TransactionId.ToString("D", CultureInfo.InvariantCulture), settled.Amount, settled.TxHash);
        var type = settled.Completed ? "withdrawal_completed" : "withdrawal_failed";
        return notifier.PublishAsync(
            new RealtimeEvent(MafiaTopics.Notifications, "notification", settled.PlayerId, new NotificationPayload(type, notice, GameViews.Timestamp(settled.At))),
            cancellationToken).AsTask();
    }
}
