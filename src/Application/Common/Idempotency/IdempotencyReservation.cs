namespace CleanGames.Application.Common.Idempotency;

/// <summary>
/// The idempotency key the current request holds, if any (one per request scope). The unit of work
/// marks the key's row as applied in the same transaction as the first save that changes anything,
/// so a stored effect and the key that guards it are committed together: after that save, the key
/// can no longer be taken over and run a second time, even if the response is never kept.
/// </summary>
public sealed class IdempotencyReservation
{
    public Guid? Id { get; private set; }

    public Guid Lease { get; private set; }

    /// <summary>True once a save of this request has committed with the key marked applied.</summary>
    public bool Applied { get; private set; }

    public void Hold(Guid id, Guid lease)
    {
        Id = id;
        Lease = lease;
        Applied = false;
    }

    public void MarkApplied() => Applied = true;
}
