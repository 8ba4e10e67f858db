namespace CleanGames.Infrastructure.Authentication;

public sealed class JwtOptions
{
    public const string Section = "Jwt";
    public const int MinimumKeyBytes = 32;

    /// <summary><c>Jwt:SigningKey</c>: the HMAC-SHA256 key (at least 32 bytes of UTF-8).</summary>
    public string? SigningKey { get; set; }

    public string Issuer { get; set; } = "cleangames";

    public string Audience { get; set; } = "cleangames";

    public int AccessTokenMinutes { get; set; } = 60;

    // Jwt:RefreshTokenDays and Jwt:RefreshIdleDays belong to the sessions: see SessionOptions.
}
