using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>
/// Ingest keys: <c>cgik_&lt;Telegram bot id&gt;_&lt;secret&gt;</c>, the secret 32 random bytes in base64url. Only the
/// SHA-256 of the secret is stored; a presented key names its bot, whose hash is compared with the
/// presented secret's in constant time.
/// </summary>
public static class IngestKeys
{
    private const string Prefix = "cgik_";

    public static (string Key, string Hash) New(long telegramBotId)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        return ($"{Prefix}{telegramBotId.ToString(CultureInfo.InvariantCulture)}_{secret}", Hash(secret));
    }

    /// <summary>The bot a key names and its secret; false for anything not shaped like a key.</summary>
    public static bool TryParse(string? key, out long telegramBotId, out string secret)
    {
        telegramBotId = 0;
        secret = string.Empty;
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 128)
        {
            return false;
        }

        var rest = key.AsSpan(Prefix.Length);
        var separator = rest.IndexOf('_');
        if (separator <= 0 || !long.TryParse(rest[..separator], NumberStyles.None, CultureInfo.InvariantCulture, out telegramBotId) || separator == rest.Length - 1)
        {
            return false;
        }

        secret = rest[(separator + 1)..].ToString();
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, compared in constant time.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));
}
