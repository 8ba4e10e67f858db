namespace CleanGames.Application.Identity.Common;

/// <summary>Lifetimes of sign-in sessions, bound from the <c>Jwt</c> section.</summary>
public sealed class SessionOptions
{
    public const string Section = "Jwt";

    /// <summary><c>Jwt:RefreshTokenDays</c>: no refresh-token family lives longer.</summary>
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary><c>Jwt:RefreshIdleDays</c>: a family unused this long expires.</summary>
    public int RefreshIdleDays { get; set; } = 14;
}
