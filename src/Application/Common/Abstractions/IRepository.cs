using Ardalis.Specification;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Common.Abstractions;

/// <summary>Reads aggregates by specification. Shaped like Ardalis.Specification's <c>IReadRepositoryBase</c>.</summary>
public interface IReadRepository<T>
    where T : class, IAggregateRoot
{
    Task<T?> GetByIdAsync<TId>(TId id, CancellationToken cancellationToken = default)
        where TId : notnull;

    Task<T?> FirstOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<TResult?> FirstOrDefaultAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<T?> SingleOrDefaultAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(CancellationToken cancellationToken = default);

    Task<List<T>> ListAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<List<TResult>> ListAsync<TResult>(ISpecification<T, TResult> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<int> CountAsync(CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(ISpecification<T> specification, CancellationToken cancellationToken = default);

    Task<bool> AnyAsync(CancellationToken cancellationToken = default);
}

/// <summary>Reads and writes aggregates. Shaped like Ardalis.Specification's <c>IRepositoryBase</c>.</summary>
public interface IRepository<T> : IReadRepository<T>
    where T : class, IAggregateRoot
{
    Task<T> AddAsync(T entity, CancellationToken cancellationToken = default);

    void Delete(T entity);

    /// <summary>Saves everything tracked in this scope (the unit of work), not only this repository's aggregates.</summary>
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
