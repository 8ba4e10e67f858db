using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Persistence.Idempotency;

/// <summary>
/// Idempotency keys in <c>platform_idempotency_keys</c>, on a context of its own scope so that a
/// reservation commits before the handler runs and is visible to every racing request and
/// instance. The unique index on (account, route, key) decides which of two racing requests
/// reserves a key; the lease decides which of two requests may still write under it after a takeover.
/// </summary>
internal sealed class EfIdempotencyStore(IServiceScopeFactory scopes, IOptions<IdempotencyOptions> options) : IIdempotencyStore
{
    private const int MaxRounds = 4;

    public async Task<IdempotencyClaim> ClaimAsync(IdempotencyScope scope, byte[] fingerprint, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var (accountId, route, key) = (scope.AccountId, scope.Route, scope.Key);
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var records = db.Set<IdempotencyRecord>();
        for (var round = 0; round < MaxRounds; round++)
        {
            var existing = await records.AsNoTracking()
                .Where(r => r.AccountId == accountId && r.Route == route && r.Key == key)
                .FirstOrDefaultAsync(cancellationToken);

            if (existing is not null && existing.ExpiresAt <= now)
            {
                // Expired keys are forgotten even before the purge reaches them.
                var (id, lease) = (existing.Id, existing.Lease);
                await db.ExecuteWriteAsync(token => records.Where(r => r.Id == id && r.Lease == lease).ExecuteDeleteAsync(token), cancellationToken);
                continue;
            }

            if (existing is null)
            {
                if (await records.CountAsync(r => r.AccountId == accountId && r.ExpiresAt > now, cancellationToken) >= settings.MaxKeysPerAccount)
                {
                    return new IdempotencyClaim.TooManyKeys();
                }

                var record = new IdempotencyRecord
                {
                    Id = Guid.NewGuid(),
                    AccountId = accountId,
                    Route = route,
                    Key = key,
                    Fingerprint = fingerprint,
                    Lease = Guid.NewGuid(),
                    ReservedAt = now,
                    ExpiresAt = now + settings.Retention,
                };
                records.Add(record);
                try
                {
                    await db.SaveChangesAsync(cancellationToken);
                    return new IdempotencyClaim.Reserved(record.Id, record.Lease);
                }
                catch (DuplicateKeyException)
                {
                    // Another request with the key reserved it first: look at what it holds.
                    db.ChangeTracker.Clear();
                    continue;
                }
            }

            if (!existing.Fingerprint.AsSpan().SequenceEqual(fingerprint))
            {
                return new IdempotencyClaim.Reused();
            }

            if (existing.ResponseStatus is { } status)
            {
                return new IdempotencyClaim.Replay(new StoredResponse(status, existing.ResponseContentType, existing.ResponseBody ?? []));
            }

            if (existing.ReservedAt > now - settings.Takeover)
            {
                // Still running, or applied with its response being saved right now.
                return new IdempotencyClaim.InProgress();
            }

            if (existing.Applied)
            {
                return new IdempotencyClaim.OutcomeUnknown();
            }

            // The request holding the key saved nothing and has not finished for the takeover time:
            // it died. A new lease fences it off, should it wake up.
            var (staleId, staleLease, newLease) = (existing.Id, existing.Lease, Guid.NewGuid());
            var taken = await db.ExecuteWriteAsync(
                token => records.Where(r => r.Id == staleId && r.Lease == staleLease && !r.Applied && r.ResponseStatus == null)
                    .ExecuteUpdateAsync(set => set.SetProperty(r => r.Lease, newLease).SetProperty(r => r.ReservedAt, now), token),
                cancellationToken);
            if (taken == 1)
            {
                return new IdempotencyClaim.Reserved(staleId, newLease);
            }
        }

        // Lost every round to other requests with this very key.
        return new IdempotencyClaim.InProgress();
    }

    public async Task CompleteAsync(IdempotencyClaim.Reserved reservation, StoredResponse response, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (id, lease) = (reservation.Id, reservation.Lease);
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.ExecuteWriteAsync(
            token => db.Set<IdempotencyRecord>().Where(r => r.Id == id && r.Lease == lease)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(r => r.ResponseStatus, response.Status)
                        .SetProperty(r => r.ResponseContentType, response.ContentType)
                        .SetProperty(r => r.ResponseBody, response.Body),
                    token),
            cancellationToken);
    }

    public async Task ReleaseAsync(IdempotencyClaim.Reserved reservation, CancellationToken cancellationToken)
    {
        var (id, lease) = (reservation.Id, reservation.Lease);
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.ExecuteWriteAsync(
            token => db.Set<IdempotencyRecord>().Where(r => r.Id == id && r.Lease == lease && !r.Applied).ExecuteDeleteAsync(token),
            cancellationToken);
    }

    public async Task<int> PurgeExpiredAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken)
    {
        await using var services = scopes.CreateAsyncScope();
        var db = services.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var records = db.Set<IdempotencyRecord>();
        var expired = await records.AsNoTracking().Where(r => r.ExpiresAt <= now).OrderBy(r => r.ExpiresAt)
            .Select(r => r.Id).Take(batch).ToListAsync(cancellationToken);
        if (expired.Count == 0)
        {
            return 0;
        }

        return await db.ExecuteWriteAsync(
            token => records.Where(r => expired.Contains(r.Id) && r.ExpiresAt <= now).ExecuteDeleteAsync(token),
            cancellationToken);
    }
}
