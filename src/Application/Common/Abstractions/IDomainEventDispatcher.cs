using CleanGames.Domain.Common;

namespace CleanGames.Application.Common.Abstractions;

/// <summary>Publishes domain events once the changes that raised them are saved.</summary>
public interface IDomainEventDispatcher
{
    Task DispatchAsync(IReadOnlyList<IDomainEvent> domainEvents, CancellationToken cancellationToken = default);
}
