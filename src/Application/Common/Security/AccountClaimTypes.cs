namespace CleanGames.Application.Common.Security;

/// <summary>Claim names as they appear in the platform's access tokens (inbound claim mapping is off).</summary>
public static class AccountClaimTypes
{
    public const string Subject = "sub";
    public const string Role = "role";

    /// <summary>The sign-in session (refresh-token family) an access token was issued under; absent for sign-ins without one (Telegram).</summary>
    public const string Session = "sid";

    /// <summary>When the token expires (seconds since the Unix epoch).</summary>
    public const string Expires = "exp";
}
