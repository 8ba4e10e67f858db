using CleanGames.Application.Common.Events;
using CleanGames.Application.Common.Models;
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

public sealed class PagingTests
{
    [Theory]
    [InlineData(0, 20, 0, false, false)]
    [InlineData(1, 20, 1, false, false)]
    [InlineData(21, 20, 2, true, false)]
    [InlineData(40, 20, 2, true, false)]
    public void Page_counts_follow_the_total(long total, int size, int pages, bool hasNext, bool hasPrevious)
    {
        var page = new PagedList<int>([], 1, size, total);
        Assert.Equal(pages, page.TotalPages);
        Assert.Equal(hasNext, page.HasNext);
        Assert.Equal(hasPrevious, page.HasPrevious);
    }

    [Fact]
    public void Page_requests_are_clamped_to_sane_bounds()
    {
        var request = new PageRequest(-3, 10_000);
        Assert.Equal(1, request.Page);
        Assert.Equal(PageRequest.MaxPageSize, request.PageSize);
        Assert.Equal(0, request.Skip);
        Assert.Equal(40, new PageRequest(3, 20).Skip);
        // A page past any table skips everything instead of wrapping to a negative offset.
        Assert.Equal(int.MaxValue, new PageRequest(200_000_000, 100).Skip);
    }
}
