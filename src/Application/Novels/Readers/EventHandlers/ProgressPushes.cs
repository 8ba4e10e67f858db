using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Events;
using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Readers;
using MediatR;

namespace CleanGames.Application.Novels.Readers.EventHandlers;

/// <summary>A saved progress goes to the reader's connections on <c>/hubs/reader</c> as <c>progress_updated</c> (all but the connection that saved it, when it came over one).</summary>
public sealed class ProgressPushes(IRealtimeNotifier notifier, ICurrentUser currentUser)
    : INotificationHandler<DomainEventNotification<ReadingProgressSaved>>
{
    public const string Topic = "novels.reader";

    public const string EventName = "progress_updated";

    public Task Handle(DomainEventNotification<ReadingProgressSaved> notification, CancellationToken cancellationToken)
    {
        var saved = notification.Event;
        var payload = new ReadingProgressModel(saved.NovelId.ToString(), saved.ChapterId.ToString(), saved.ChapterNumber, saved.Position, saved.UpdatedAt);
        return notifier.PublishAsync(new RealtimeEvent(Topic, EventName, saved.AccountId, payload, currentUser.ConnectionId), cancellationToken).AsTask();
    }
}
