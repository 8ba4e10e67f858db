using CleanGames.Domain.Common;

namespace CleanGames.Application.Common.Errors;

/// <summary>Refusals every module shares: who the caller is and what it may do.</summary>
public static class PlatformErrors
{
    public static readonly DomainError Unauthenticated = DomainError.Unauthenticated("auth.unauthenticated", "Authentication is required.");
    public static readonly DomainError RateLimited = DomainError.TooMany("account.rate_limited", "Too many requests of this kind; slow down.");
    public static readonly DomainError Forbidden = DomainError.Forbidden("auth.forbidden", "You do not have permission to perform this action.");
}
