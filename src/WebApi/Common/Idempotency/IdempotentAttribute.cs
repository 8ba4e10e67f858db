namespace CleanGames.WebApi.Common.Idempotency;

/// <summary>
/// The action accepts an <c>Idempotency-Key</c> header: a retry with the same key and the same
/// request gets the first response again (with <c>Idempotent-Replayed: true</c>) and runs nothing;
/// the same key with another request is refused with 422, and while the first request runs, 409.
/// Without the header the action runs as it always does. <see cref="IdempotencyFilter"/> does the work.
/// </summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
public sealed class IdempotentAttribute : Attribute
{
}
