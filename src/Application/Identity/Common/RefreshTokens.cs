using System.Security.Cryptography;
using System.Text;

namespace CleanGames.Application.Identity.Common;

/// <summary>Refresh tokens are 256 random bits; only their SHA-256 is ever stored.</summary>
public static class RefreshTokens
{
    public static (string Token, string Hash) New()
    {
        var token = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (token, Hash(token));
    }

    public static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
