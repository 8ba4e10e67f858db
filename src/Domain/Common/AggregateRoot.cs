namespace CleanGames.Domain.Common;

/// <summary>Base class for aggregate roots: raises domain events and tracks its version.</summary>
public abstract class AggregateRoot<TId> : Entity<TId>, IAggregateRoot
    where TId : notnull
{
    private readonly List<IDomainEvent> _domainEvents = [];

    protected AggregateRoot()
    {
    }

    protected AggregateRoot(TId id)
        : base(id)
    {
    }

    public long Version { get; private set; }

    public bool HasChanges { get; private set; }

    public IReadOnlyList<IDomainEvent> DomainEvents => _domainEvents.AsReadOnly();

    /// <summary>Records an event and marks the aggregate changed.</summary>
    protected void Raise(IDomainEvent domainEvent)
    {
        ArgumentNullException.ThrowIfNull(domainEvent);
        _domainEvents.Add(domainEvent);
        HasChanges = true;
    }

    /// <summary>
    /// Marks the aggregate changed without an event, so that the save bumps its version even when
    /// only an owned child changed (EF does not mark the owner modified in that case).
    /// </summary>
    protected void MarkChanged() => HasChanges = true;

    void IAggregateRoot.IncrementVersion()
    {
        Version++;
        HasChanges = false;
    }

    IReadOnlyList<IDomainEvent> IAggregateRoot.DequeueDomainEvents()
    {
        var events = _domainEvents.ToArray();
        _domainEvents.Clear();
        return events;
    }
}
