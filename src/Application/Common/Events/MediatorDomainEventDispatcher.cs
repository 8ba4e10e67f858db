using System.Collections.Concurrent;
using System.Reflection;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Common;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanGames.Application.Common.Events;

/// <summary>
/// Hands each saved event, as a <see cref="DomainEventNotification{TEvent}"/>, to every one of its
/// handlers in turn. The changes are already committed, so:
/// <list type="bullet">
/// <item>a failing handler is logged and the others still run (MediatR's publish would stop at the first);</item>
/// <item>handlers run without the caller's cancellation: a client that hangs up after the save does
/// not stop the work the save implies (a phase's deadline being scheduled, a push to the other players).</item>
/// </list>
/// </summary>
public sealed partial class MediatorDomainEventDispatcher(ServiceFactory services, ILogger<MediatorDomainEventDispatcher> logger) : IDomainEventDispatcher
{
    private static readonly MethodInfo DispatchOpen =
        typeof(MediatorDomainEventDispatcher).GetMethod(nameof(DispatchTypedAsync), BindingFlags.NonPublic | BindingFlags.Instance)!;

    private static readonly ConcurrentDictionary<Type, Func<MediatorDomainEventDispatcher, IDomainEvent, Task>> Dispatchers = new();

    public async Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken = default)
    {
        foreach (var domainEvent in domainEvents)
        {
            var dispatch = Dispatchers.GetOrAdd(domainEvent.GetType(), static type =>
                DispatchOpen.MakeGenericMethod(type).CreateDelegate<Func<MediatorDomainEventDispatcher, IDomainEvent, Task>>());
            await dispatch(this, domainEvent);
        }
    }

    private async Task DispatchTypedAsync<TEvent>(IDomainEvent domainEvent)
        where TEvent : IDomainEvent
    {
        var notification = new DomainEventNotification<TEvent>((TEvent)domainEvent);
        foreach (var handler in services.GetInstances<INotificationHandler<DomainEventNotification<TEvent>>>())
        {
            try
            {
                await handler.Handle(notification, CancellationToken.None);
            }
            catch (Exception exception)
            {
                LogHandlerFailed(exception, handler.GetType().Name, typeof(TEvent).Name);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Handler} failed on {EventName} after its changes were saved; the event's other handlers still ran")]
    private partial void LogHandlerFailed(Exception exception, string handler, string eventName);
}
