namespace CleanGames.Application.Identity.Common;

/// <summary>Lifetimes of sign-in sessions, bound from the <c>Jwt</c> section.</summary>
public sealed class SessionOptions
{
    public const string Section = "Jwt";

    /// <summary>The longest grace window <see cref="RefreshGraceSeconds"/> may set: a replayed token is honoured no longer than this.</summary>
    public const int MaxRefreshGraceSeconds = 60;

    /// <summary><c>Jwt:RefreshTokenDays</c>: no refresh-token family lives longer.</summary>
    public int RefreshTokenDays { get; set; } = 30;

    /// <summary><c>Jwt:RefreshIdleDays</c>: a family unused this long expires.</summary>
    public int RefreshIdleDays { get; set; } = 14;

    /// <summary>
    /// <c>Jwt:RefreshGraceSeconds</c>: for this long after a rotation, the token it used up is answered
    /// with the same new pair instead of revoking the family (two tabs of one browser refresh at
    /// once). 0 turns the grace off. A thief replaying a stolen token inside the window gets the pair
    /// too, so it is kept short.
    /// </summary>
    public int RefreshGraceSeconds { get; set; } = 5;
}
