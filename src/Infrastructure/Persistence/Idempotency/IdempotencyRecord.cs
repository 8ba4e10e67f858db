using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Persistence.Idempotency;

/// <summary>
/// One idempotency key of one account on one route: reserved by the first request that carries it,
/// marked applied in the transaction that saves that request's effect, then holding its response.
/// </summary>
internal sealed class IdempotencyRecord
{
    public Guid Id { get; set; }

    public long AccountId { get; set; }

    /// <summary>Method and route with its values (<c>POST /api/matchmaking/lobby/create</c>).</summary>
    public string Route { get; set; } = string.Empty;

    public string Key { get; set; } = string.Empty;

    /// <summary>SHA-256 of the query string and the body the key was first used with.</summary>
    public byte[] Fingerprint { get; set; } = [];

    /// <summary>
    /// Changed by every takeover, and checked by every write of the request that holds the key, so a
    /// request that was given up on can no longer save its effect or its response under the key.
    /// </summary>
    public Guid Lease { get; set; }

    public DateTimeOffset ReservedAt { get; set; }

    public DateTimeOffset ExpiresAt { get; set; }

    /// <summary>The request's effect was saved (in the same transaction as this flag).</summary>
    public bool Applied { get; set; }

    public int? ResponseStatus { get; set; }

    public string? ResponseContentType { get; set; }

    public byte[]? ResponseBody { get; set; }

    /// <summary>
    /// Adds "the key's effect is saved" to the changes <paramref name="db"/> is about to save, fenced
    /// by the lease: if the key was taken over since, the whole save fails as a concurrency conflict.
    /// </summary>
    public static void StageApplied(DbContext db, Guid id, Guid lease)
    {
        var entry = db.ChangeTracker.Entries<IdempotencyRecord>().FirstOrDefault(e => e.Entity.Id == id)
                    ?? db.Attach(new IdempotencyRecord { Id = id, Lease = lease });
        entry.Entity.Applied = true;
        entry.Property(r => r.Applied).IsModified = true;
    }
}
