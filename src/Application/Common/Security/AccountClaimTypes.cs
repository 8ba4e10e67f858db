namespace CleanGames.Application.Common.Security;

/// <summary>Claim names as they appear in the platform's access tokens (inbound claim mapping is off).</summary>
public static class AccountClaimTypes
{
    public const string Subject = "sub";
    public const string Role = "role";
}
