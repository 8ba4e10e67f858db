using CleanGames.Application.Common.Events;
using CleanGames.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging.Abstractions;
using Moq;

namespace CleanGames.UnitTests.Application;

public sealed record SomethingHappened(Guid Id) : IDomainEvent;

public sealed class DomainEventDispatchTests
{
    [Fact]
    public async Task Each_event_reaches_every_handler_as_a_typed_notification_without_the_callers_cancellation()
    {
        var first = new Mock<INotificationHandler<DomainEventNotification<SomethingHappened>>>();
        var second = new Mock<INotificationHandler<DomainEventNotification<SomethingHappened>>>();
        var dispatcher = Dispatcher(first.Object, second.Object);
        var happened = new SomethingHappened(Guid.NewGuid());
        using var hungUp = new CancellationTokenSource();
        await hungUp.CancelAsync();

        await dispatcher.DispatchAsync([happened], hungUp.Token);

        first.Verify(h => h.Handle(It.Is<DomainEventNotification<SomethingHappened>>(n => n.Event == happened), It.Is<CancellationToken>(t => !t.CanBeCanceled)), Times.Once);
        second.Verify(h => h.Handle(It.Is<DomainEventNotification<SomethingHappened>>(n => n.Event == happened), It.Is<CancellationToken>(t => !t.CanBeCanceled)), Times.Once);
    }

    [Fact]
    public async Task A_failing_handler_does_not_stop_the_handlers_after_it_nor_the_next_events()
    {
        var failing = new Mock<INotificationHandler<DomainEventNotification<SomethingHappened>>>();
        failing.Setup(h => h.Handle(It.IsAny<DomainEventNotification<SomethingHappened>>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new InvalidOperationException("handler failed"));
        var after = new Mock<INotificationHandler<DomainEventNotification<SomethingHappened>>>();
        var dispatcher = Dispatcher(failing.Object, after.Object);

        await dispatcher.DispatchAsync([new SomethingHappened(Guid.NewGuid()), new SomethingHappened(Guid.NewGuid())]);

        after.Verify(h => h.Handle(It.IsAny<DomainEventNotification<SomethingHappened>>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
    }

    private static MediatorDomainEventDispatcher Dispatcher(params INotificationHandler<DomainEventNotification<SomethingHappened>>[] handlers) =>
        new(type => type == typeof(IEnumerable<INotificationHandler<DomainEventNotification<SomethingHappened>>>) ? handlers : Array.Empty<object>(),
            NullLogger<MediatorDomainEventDispatcher>.Instance);
}
