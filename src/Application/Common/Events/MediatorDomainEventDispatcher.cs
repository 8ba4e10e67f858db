using System.Collections.Concurrent;
using System.Reflection;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanGames.Application.Common.Events;

/// <summary>
/// Publishes each saved event as a <see cref="DomainEventNotification{TEvent}"/>. A failing event
/// handler is logged and does not undo or fail the request whose changes are already committed.
/// </summary>
public sealed class MediatorDomainEventDispatcher(IMediator mediator, ILogger<MediatorDomainEventDispatcher> logger) : IDomainEventDispatcher
{
    private static readonly MethodInfo PublishOpen =
        typeof(MediatorDomainEventDispatcher).GetMethod(nameof(PublishTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static readonly ConcurrentDictionary<Type, Func<IMediator, IDomainEvent, CancellationToken, Task>> Publishers = new();

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken = default)
    {
        foreach (var domainEvent in domainEvents)
        {
            var publish = Publishers.GetOrAdd(domainEvent.GetType(), static type =>
                PublishOpen.MakeGenericMethod(type).CreateDelegate<Func<IMediator, IDomainEvent, CancellationToken, Task>>());
            try
            {
                await publish(mediator, domainEvent, cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogError(exception, "A handler of {EventName} failed after its changes were saved", domainEvent.GetType().Name);
            }
        }
    }

    private static Task PublishTyped<TEvent>(IMediator mediator, IDomainEvent domainEvent, CancellationToken cancellationToken)
        where TEvent : IDomainEvent =>
        mediator.Publish(new DomainEventNotification<TEvent>((TEvent)domainEvent), cancellationToken);
}
