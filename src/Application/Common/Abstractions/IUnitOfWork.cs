namespace CleanGames.Application.Common.Abstractions;

/// <summary>
/// Saves every change tracked in the current request's scope atomically, bumping the version of
/// each changed aggregate (optimistic concurrency) and then publishing their domain events.
/// </summary>
public interface IUnitOfWork
{
    /// <exception cref="Errors.ConcurrencyConflictException">Another request saved one of the aggregates first.</exception>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);

    /// <summary>Forgets everything loaded or changed in this scope, so a retried handler starts from fresh state.</summary>
    void DiscardChanges();
}
