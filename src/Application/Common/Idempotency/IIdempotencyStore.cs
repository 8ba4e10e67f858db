namespace CleanGames.Application.Common.Idempotency;

/// <summary>An idempotency key as the server scopes it: the authenticated account, the route (method and path) and the key.</summary>
public sealed record IdempotencyScope(long AccountId, string Route, string Key);

/// <summary>A response kept for replay, exactly as first written.</summary>
public sealed record StoredResponse(int Status, string? ContentType, byte[] Body);

/// <summary>What claiming a key found.</summary>
public abstract record IdempotencyClaim
{
    /// <summary>The key is this request's to run: <paramref name="Lease"/> fences its writes against a later takeover.</summary>
    public sealed record Reserved(Guid Id, Guid Lease) : IdempotencyClaim;

    /// <summary>The same request already ran: answer with its response.</summary>
    public sealed record Replay(StoredResponse Response) : IdempotencyClaim;

    /// <summary>The key was first used for another request.</summary>
    public sealed record Reused : IdempotencyClaim;

    /// <summary>A request with the key is running (or died less than the takeover time ago).</summary>
    public sealed record InProgress : IdempotencyClaim;

    /// <summary>A request with the key saved its effect but its response was not kept.</summary>
    public sealed record OutcomeUnknown : IdempotencyClaim;

    /// <summary>The account already holds as many live keys as it may.</summary>
    public sealed record TooManyKeys : IdempotencyClaim;
}

/// <summary>
/// Where idempotency keys are reserved and their responses kept. Each call commits on its own, so
/// a reservation is visible to a racing request before the handler runs; only the mark that the
/// handler's effect was saved travels in the request's unit of work (<see cref="IdempotencyReservation"/>).
/// </summary>
public interface IIdempotencyStore
{
    /// <summary>Reserves the key for this request, or says why not (a replay, a reuse, a request in progress).</summary>
    Task<IdempotencyClaim> ClaimAsync(IdempotencyScope scope, byte[] fingerprint, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Keeps the response on the reservation, unless another request has taken it over since.</summary>
    Task CompleteAsync(IdempotencyClaim.Reserved reservation, StoredResponse response, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Forgets a reservation that saved no effect (a fault, a response too large), so a retry runs again.</summary>
    Task ReleaseAsync(IdempotencyClaim.Reserved reservation, CancellationToken cancellationToken);

    /// <summary>Deletes up to <paramref name="batch"/> expired keys; answers how many went.</summary>
    Task<int> PurgeExpiredAsync(DateTimeOffset now, int batch, CancellationToken cancellationToken);
}
