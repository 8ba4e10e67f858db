using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.Application.Common.Events;

/// <summary>
/// Carries a domain event to its MediatR handlers, so the domain stays free of MediatR. Handle
/// <c>INotificationHandler&lt;DomainEventNotification&lt;VoteCast&gt;&gt;</c> to react to a save.
/// </summary>
public sealed record DomainEventNotification<TEvent>(TEvent Event) : INotification
    where TEvent : IDomainEvent;
