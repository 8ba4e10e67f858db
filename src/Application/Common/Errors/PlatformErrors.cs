using CleanGames.Domain.Common;

namespace CleanGames.Application.Common.Errors;

/// <summary>Refusals every module shares: who the caller is, what it may do, and its idempotency keys.</summary>
public static class PlatformErrors
{
    public static readonly DomainError Unauthenticated = DomainError.Unauthenticated("auth.unauthenticated", "Authentication is required.");
    public static readonly DomainError RateLimited = DomainError.TooMany("account.rate_limited", "Too many requests of this kind; slow down.");
    public static readonly DomainError Forbidden = DomainError.Forbidden("auth.forbidden", "You do not have permission to perform this action.");

    public static readonly DomainError IdempotencyKeyReused = DomainError.Unprocessable("platform.idempotency.key_reused", "This Idempotency-Key was already used with another request (a different body or query); use a new key for a new request.");
    public static readonly DomainError IdempotencyInProgress = DomainError.Conflict("platform.idempotency.in_progress", "A request with this Idempotency-Key is still in progress; retry once it has finished.");
    public static readonly DomainError IdempotencyOutcomeUnknown = DomainError.Conflict("platform.idempotency.outcome_unknown", "A request with this Idempotency-Key was carried out but its response was not kept; check the result instead of retrying, or use a new key.");
    public static readonly DomainError IdempotencyTooManyKeys = DomainError.TooMany("platform.idempotency.too_many_keys", "This account holds too many live Idempotency-Keys; retry later.");
}
