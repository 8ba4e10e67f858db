using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace CleanGames.IntegrationTests.Support;

/// <summary>
/// Telegram sign-in proofs computed here, independently of the server: the Login Widget algorithm
/// for flat bodies (seed 000) and the Mini App algorithm for <c>init_data</c> (seed 003).
/// </summary>
public static class TelegramLogins
{
    public const string BotToken = "123456789:AAE-test-bot-token_for_integration";

    /// <summary>Login Widget: hash = hex(HMAC-SHA256(SHA256(bot token), sorted "key=value" lines)).</summary>
    public static Dictionary<string, object?> WidgetBody(Dictionary<string, object?> fields, string botToken = BotToken)
    {
        var lines = fields.Where(f => f.Value is not null).OrderBy(f => f.Key, StringComparer.Ordinal)
            .Select(f => $"{f.Key}={JsonText(f.Value!)}");
        var secret = SHA256.HashData(Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(string.Join('\n', lines))));
        return new Dictionary<string, object?>(fields) { ["hash"] = hash };
    }

    /// <summary>Mini App: key = HMAC-SHA256("WebAppData", bot token); each key and value percent-encoded once.</summary>
    public static string InitData(Dictionary<string, string> fields, string botToken = BotToken)
    {
        var dataCheck = string.Join('\n', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(botToken));
        var hash = Convert.ToHexStringLower(HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheck)));
        return string.Join('&', fields.Append(new("hash", hash)).Select(f => $"{Uri.EscapeDataString(f.Key)}={Uri.EscapeDataString(f.Value)}"));
    }

    private static string JsonText(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        _ => JsonSerializer.Serialize(value),
    };
}
