using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Idempotency;
using CleanGames.Domain.Common;
using CleanGames.Infrastructure.Persistence.Idempotency;

namespace CleanGames.Infrastructure.Persistence;

/// <summary>
/// Saves the scope's changes in one transaction and only then publishes the domain events of the
/// aggregates that raised them, so no event announces a change that was not stored. The first save
/// of a request that holds an idempotency key marks the key applied in the same transaction.
/// </summary>
internal sealed class EfUnitOfWork(ApplicationDbContext db, IDomainEventDispatcher dispatcher, IdempotencyReservation idempotency) : IUnitOfWork
{
    public async Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        var raising = db.ChangeTracker.Entries<IAggregateRoot>()
            .Select(e => e.Entity)
            .Where(a => a.DomainEvents.Count > 0)
            .ToList();

        var stamping = idempotency is { Id: not null, Applied: false }
                       && (db.ChangeTracker.HasChanges() || db.ChangeTracker.Entries<IAggregateRoot>().Any(e => e.Entity.HasChanges));
        if (stamping)
        {
            IdempotencyRecord.StageApplied(db, idempotency.Id!.Value, idempotency.Lease);
        }

        var written = await db.SaveChangesAsync(cancellationToken);
        if (stamping)
        {
            idempotency.MarkApplied();
        }

        var events = raising.SelectMany(a => a.DequeueDomainEvents()).ToList();
        if (events.Count > 0)
        {
            await dispatcher.DispatchAsync(events, cancellationToken);
        }

        return written;
    }

    public void DiscardChanges() => db.ChangeTracker.Clear();
}
