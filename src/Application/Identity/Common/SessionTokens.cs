namespace CleanGames.Application.Identity.Common;

/// <summary>What a sign-in hands the client: an access token and the refresh token that renews it.</summary>
public sealed record SessionTokens(string AccessToken, int ExpiresIn, DateTimeOffset AccessTokenExpiresAt, string RefreshToken, DateTimeOffset RefreshTokenExpiresAt);

/// <summary>An account as the sign-in routes describe it.</summary>
public sealed record AccountSummary(
    long Id,
    string? Email,
    string? Username,
    string? DisplayName,
    string? AvatarUrl,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    long? TelegramId,
    string? TelegramUsername,
    string? FirstName,
    string? LastName,
    string? LanguageCode,
    bool? IsPremium);

public sealed record SignedIn(AccountSummary Account, SessionTokens Tokens);
