using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Common;

namespace CleanGames.Infrastructure.Persistence;

/// <summary>
/// Saves the scope's changes in one transaction and only then publishes the domain events of the
/// aggregates that raised them, so no event announces a change that was not stored.
/// </summary>
internal sealed class EfUnitOfWork(ApplicationDbContext db, IDomainEventDispatcher dispatcher) : IUnitOfWork
{
    public async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var raising = db.ChangeTracker.Entries<IAggregateRoot>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();

        var written = await db.SaveChangesAsync(cancellationToken);

        var events = raising.SelectMany(a => a.DequeueDomainEvents()).ToList();
        if (events.Count > 0)
        {
            await dispatcher.DispatchAsync(events, cancellationToken);
        }

        return written;
    }

    public void DiscardChanges() => db.ChangeTracker.Clear();
}
