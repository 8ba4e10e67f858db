using CleanGames.Domain.Common;

namespace CleanGames.Application.Kitchen.Common;

/// <summary>The Kitchen use cases' refusals (the session's own rules are <c>KitchenSessionErrors</c> in Domain).</summary>
public static class KitchenErrors
{
    public static readonly DomainError NoSession = DomainError.NotFound("kitchen.session.missing", "You have no Kitchen session yet: send a session request first.");
    public static readonly DomainError SessionFirst = DomainError.RuleBroken("kitchen.session.required_first", "Send a session request first on this connection.");
    public static readonly DomainError UnknownRequest = DomainError.Invalid("kitchen.request.unknown_type", "Unknown request_type.");
    public static readonly DomainError InvalidRequest = DomainError.Invalid("kitchen.request.invalid", "The request is not valid.");
    public static readonly DomainError AccountMissing = DomainError.Unauthenticated("auth.account_missing", "The account no longer exists.");
    public static readonly DomainError StoreUnavailable = DomainError.Unavailable("kitchen.store.unavailable", "The game could not be saved; nothing changed. Please retry.");
}
