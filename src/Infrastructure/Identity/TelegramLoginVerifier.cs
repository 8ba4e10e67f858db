using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Commands.SignInWithTelegram;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Identity;

public sealed class TelegramOptions
{
    public const string Section = "Telegram";

    /// <summary><c>Telegram:BotToken</c>: the bot whose logins are accepted. A secret: environment only.</summary>
    public string? BotToken { get; set; }

    /// <summary>
    /// <c>Telegram:AuthMaxAgeSeconds</c>: the oldest <c>auth_date</c> accepted. Each proof signs in
    /// once, and its hash is remembered this long; an hour is ample for a page that was just opened.
    /// </summary>
    public int AuthMaxAgeSeconds { get; set; } = 3600;
}

/// <summary>
/// Telegram's two sign-in proofs. Login Widget: key = SHA-256(bot token), over the received
/// fields. Mini App: key = HMAC-SHA-256 of the bot token under "WebAppData", over every field of
/// the query string but <c>hash</c> (<c>signature</c> included), each key and value URL-decoded
/// exactly once. Hashes are compared in constant time; <c>auth_date</c> must be recent and not in
/// the future. A verified proof is returned with its hash in one spelling (lower-case hex, since
/// hex is case-insensitive) so that a replay cannot pass as a new proof by changing case.
/// </summary>
internal sealed class TelegramLoginVerifier(IOptionsMonitor<TelegramOptions> options, [FromKeyedServices(ApplicationClock.Key)] TimeProvider timeProvider) : ITelegramLoginVerifier
{
    // Clocks differ a little between Telegram and us; more than this ahead is a forgery or a replay.
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromSeconds(30);

    public VerifiedTelegramProof? Verify(TelegramProof proof)
    {
        var settings = options.CurrentValue;
        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            throw new DomainException(IdentityErrors.TelegramNotConfigured);
        }

        return proof switch
        {
            TelegramProof.Widget widget => VerifyWidget(widget, settings),
            TelegramProof.MiniApp miniApp => VerifyMiniApp(miniApp.InitData, settings),
            _ => null,
        };
    }

    private VerifiedTelegramProof? VerifyWidget(TelegramProof.Widget widget, TelegramOptions settings)
    {
        var fields = widget.Fields.Where(f => f.Key != "hash").ToList();
        if (widget.Hash is null || HasDuplicates(fields))
        {
            return null;
        }

        var secret = SHA256.HashData(Encoding.UTF8.GetBytes(settings.BotToken!));
        if (HashMatches(secret, fields, widget.Hash) is not { } hash || ExpiryIfFresh(fields, settings) is not { } expiresAt)
        {
            return null;
        }

        var values = fields.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal);
        if (!values.TryGetValue("id", out var idText) || !long.TryParse(idText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) || id <= 0)
        {
            return null;
        }

        var user = new TelegramIdentity(
            id,
            values.GetValueOrDefault("username"),
            values.GetValueOrDefault("first_name"),
            values.GetValueOrDefault("last_name"),
            values.GetValueOrDefault("language_code"),
            values.GetValueOrDefault("photo_url"),
            values.TryGetValue("is_premium", out var premium) ? premium == "true" : null);
        return new VerifiedTelegramProof(user, hash, expiresAt);
    }

    private VerifiedTelegramProof? VerifyMiniApp(string initData, TelegramOptions settings)
    {
        if (string.IsNullOrEmpty(initData) || initData.Length > 8192)
        {
            return null;
        }

        var fields = new List<KeyValuePair<string, string>>();
        string? hash = null;
        foreach (var pair in initData.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=');
            var key = WebUtility.UrlDecode(equals < 0 ? pair : pair[..equals]);
            var value = equals < 0 ? string.Empty : WebUtility.UrlDecode(pair[(equals + 1)..]);
            if (key == "hash")
            {
                if (hash is not null)
                {
                    return null;
                }

                hash = value;
            }
            else
            {
                fields.Add(new(key, value));
            }
        }

        if (hash is null || HasDuplicates(fields))
        {
            return null;
        }

        var secret = HMACSHA256.HashData(Encoding.UTF8.GetBytes("WebAppData"), Encoding.UTF8.GetBytes(settings.BotToken!));
        if (HashMatches(secret, fields, hash) is not { } checkedHash || ExpiryIfFresh(fields, settings) is not { } expiresAt)
        {
            return null;
        }

        var userJson = fields.FirstOrDefault(f => f.Key == "user").Value;
        return userJson is not null && ParseMiniAppUser(userJson) is { } user ? new VerifiedTelegramProof(user, checkedHash, expiresAt) : null;
    }

    private static TelegramIdentity? ParseMiniAppUser(string json)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("id", out var idElement)
                || !idElement.TryGetInt64(out var id)
                || id <= 0)
            {
                return null;
            }

            return new TelegramIdentity(
                id,
                Text(root, "username"),
                Text(root, "first_name"),
                Text(root, "last_name"),
                Text(root, "language_code"),
                Text(root, "photo_url"),
                root.TryGetProperty("is_premium", out var premium) && premium.ValueKind is JsonValueKind.True or JsonValueKind.False ? premium.GetBoolean() : null);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <returns>The hash as lower-case hex when it matches the fields, else null.</returns>
    private static string? HashMatches(byte[] secret, List<KeyValuePair<string, string>> fields, string hexHash)
    {
        var dataCheckString = string.Join('\n', fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        var expected = HMACSHA256.HashData(secret, Encoding.UTF8.GetBytes(dataCheckString));
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(hexHash);
        }
        catch (FormatException)
        {
            return null;
        }

        return CryptographicOperations.FixedTimeEquals(expected, presented) ? Convert.ToHexStringLower(presented) : null;
    }

    /// <returns>When the proof stops being accepted, if its <c>auth_date</c> is accepted now; else null.</returns>
    private DateTimeOffset? ExpiryIfFresh(List<KeyValuePair<string, string>> fields, TelegramOptions settings)
    {
        var authDate = fields.FirstOrDefault(f => f.Key == "auth_date").Value;
        if (!long.TryParse(authDate, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var issued = DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
        var now = timeProvider.GetUtcNow();
        if (issued > now + FutureTolerance)
        {
            return null;
        }

        var expiresAt = issued + TimeSpan.FromSeconds(settings.AuthMaxAgeSeconds);
        return now <= expiresAt ? expiresAt : null;
    }

    private static bool HasDuplicates(List<KeyValuePair<string, string>> fields) =>
        fields.Select(f => f.Key).Distinct(StringComparer.Ordinal).Count() != fields.Count;
}
