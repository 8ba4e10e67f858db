namespace CleanGames.Application.Identity.Common;

/// <summary>Stable codes of the identity use cases; dialects map them (Clicker numbers, Novels codes).</summary>
public static class IdentityErrorCodes
{
    public const string AccountExists = "identity.account.exists";
    public const string InvalidCredentials = "identity.credentials.invalid";
    public const string InvalidRefreshToken = "identity.refresh.invalid";
    public const string SignInThrottled = "identity.signin.throttled";
    public const string AccountBanned = "identity.account.banned";
    public const string AccountNotFound = "identity.account.not_found";

    public const string AccountExistsMessage = "User with this username or email already exists.";
    public const string InvalidCredentialsMessage = "Invalid username or password.";
    public const string InvalidRefreshTokenMessage = "Refresh token is invalid or has expired.";
}
