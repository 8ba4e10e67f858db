using CleanGames.Domain.Common;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// Refusals the platform's transport gives before or around a use case (no route, a busy server,
/// the sign-in rate limit). Each module's own transport refusals are in its folder
/// (<c>MafiaTransportErrors</c>, <c>KitchenTransportErrors</c>, <c>GatewayTransportErrors</c>).
/// </summary>
public static class TransportErrors
{
    /// <summary>A fault, not a refusal: it has no kind, and its detail never reaches the client.</summary>
    public const string InternalCode = "server.error";

    public static readonly DomainError InvalidRequest = DomainError.Invalid("request.invalid", "Bad request");
    public static readonly DomainError NoRoute = DomainError.NotFound("request.not_found", "Not Found");
    public static readonly DomainError MethodNotAllowed = DomainError.Invalid("request.method_not_allowed", "Method Not Allowed");
    public static readonly DomainError UnsupportedMediaType = DomainError.Invalid("request.unsupported_media_type", "Unsupported media type: send application/json");
    public static readonly DomainError Failed = DomainError.Invalid("request.failed", "Error");
    public static readonly DomainError RateLimited = DomainError.TooMany("request.rate_limited", "Too many requests; slow down.");
    public static readonly DomainError Banned = DomainError.Forbidden("auth.banned", "This account is banned.");
    public static readonly DomainError TooManyConnections = DomainError.TooMany("realtime.too_many_connections", "Too many open connections from this account or address; close one first.");
    public static readonly DomainError Starting = DomainError.Unavailable("server.starting", "The server is starting; please retry shortly.");
    public static readonly DomainError Busy = DomainError.Unavailable("server.busy", "The server is busy; please retry.");
    public static readonly DomainError Unauthenticated = DomainError.Unauthenticated("auth.unauthenticated", "Not authenticated");
    public static readonly DomainError Forbidden = DomainError.Forbidden("auth.forbidden", "Not enough permissions");

}
