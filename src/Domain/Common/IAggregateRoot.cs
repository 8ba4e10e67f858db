namespace CleanGames.Domain.Common;

/// <summary>
/// The root of a consistency boundary: the only entity repositories load and save, carrying the
/// concurrency version and the events raised since it was loaded.
/// </summary>
public interface IAggregateRoot
{
    /// <summary>Bumped once per saved change; the optimistic-concurrency token on every provider.</summary>
    long Version { get; }

    /// <summary>True when a domain method changed the aggregate since it was loaded or saved.</summary>
    bool HasChanges { get; }

    IReadOnlyList<IDomainEvent> DomainEvents { get; }

    /// <summary>Called by the unit of work just before saving a changed aggregate.</summary>
    void IncrementVersion();

    /// <summary>Called by the unit of work after a successful save; returns what was raised.</summary>
    IReadOnlyList<IDomainEvent> DequeueDomainEvents();
}
