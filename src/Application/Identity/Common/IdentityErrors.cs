using CleanGames.Domain.Common;

namespace CleanGames.Application.Identity.Common;

/// <summary>
/// The identity use cases' refusals (the account's own rules are <c>AccountErrors</c> in Domain).
/// Messages are the seeds' where they name one; dialects map the codes (Clicker numbers, Novels codes).
/// </summary>
public static class IdentityErrors
{
    public static readonly DomainError AccountExists = DomainError.Conflict("identity.account.exists", "User with this username or email already exists.");
    public static readonly DomainError InvalidCredentials = DomainError.Unauthenticated("identity.credentials.invalid", "Invalid username or password.");
    public static readonly DomainError InvalidRefreshToken = DomainError.Unauthenticated("identity.refresh.invalid", "Refresh token is invalid or has expired.");
    public static readonly DomainError SignInThrottled = DomainError.TooMany("identity.signin.throttled", "Too many failed sign-ins for this account; try again later.");
    public static readonly DomainError AccountNotFound = DomainError.Unauthenticated("identity.account.not_found", "The account of this token no longer exists.");
    public static readonly DomainError TelegramInvalid = DomainError.Unauthenticated("identity.telegram.invalid", "Telegram authentication failed.");
    public static readonly DomainError AccountUnknown = DomainError.NotFound("identity.account.unknown", "No account has this id.");
    public static readonly DomainError SelfDemotion = DomainError.Conflict("identity.roles.self_demotion", "An admin cannot take the admin role from their own account; another admin can.");
    public static readonly DomainError TelegramNotConfigured = DomainError.Unavailable("identity.telegram.not_configured", "Telegram login is not configured on this server (Telegram:BotToken is not set).");
}
