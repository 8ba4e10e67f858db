using System.Security.Cryptography;
using System.Text;

namespace CleanGames.Application.Common.Idempotency;

/// <summary>
/// The pure rules of the <c>Idempotency-Key</c> header: which keys are accepted, what a key is
/// scoped to, what identifies "the same request", and which outcomes are kept for replay.
/// </summary>
public static class IdempotencyRules
{
    public const string HeaderName = "Idempotency-Key";

    public const string ReplayedHeaderName = "Idempotent-Replayed";

    public const int MaxKeyLength = 255;

    /// <summary>Why <paramref name="key"/> is not an acceptable key, or null when it is.</summary>
    public static string? ProblemWith(string key)
    {
        if (key.Length == 0)
        {
            return $"{HeaderName} must not be empty.";
        }

        if (key.Length > MaxKeyLength)
        {
            return $"{HeaderName} must be at most {MaxKeyLength} characters.";
        }

        // Printable ASCII only: a key is compared byte for byte, so nothing may have two spellings.
        return key.All(c => c is >= '!' and <= '~' or ' ')
            ? null
            : $"{HeaderName} must contain printable ASCII characters only.";
    }

    /// <summary>
    /// The route a key belongs to: the method and the route template with its values filled in
    /// (<c>POST /api/economy/gift</c>, <c>POST /api/matchmaking/lobby/AB12/ready</c>), so the same key
    /// on two routes, or on one route for two resources, is two keys.
    /// </summary>
    public static string RouteOf(string method, string template, Func<string, string?> valueOf)
    {
        var route = new StringBuilder(method.ToUpperInvariant()).Append(" /");
        var rest = template.AsSpan().TrimStart('/');
        while (rest.Length > 0)
        {
            var open = rest.IndexOf('{');
            if (open < 0)
            {
                route.Append(rest);
                break;
            }

            route.Append(rest[..open]);
            var close = rest[open..].IndexOf('}') + open;
            if (close < open)
            {
                route.Append(rest[open..]);
                break;
            }

            // {name}, {name:constraint}, {name?}, {*name}, {**name}, {name=default}
            var name = rest[(open + 1)..close].TrimStart('*').ToString();
            var end = name.IndexOfAny([':', '?', '=']);
            route.Append(valueOf(end < 0 ? name : name[..end]) ?? string.Empty);
            rest = rest[(close + 1)..];
        }

        return route.ToString();
    }

    /// <summary>
    /// SHA-256 over the query string (as sent, with its <c>?</c>), a zero byte, then the body bytes:
    /// a retry sends the same bytes, so anything else under the same key is another request.
    /// </summary>
    public static async Task<byte[]> FingerprintAsync(string? queryString, Stream body, CancellationToken cancellationToken)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(queryString ?? string.Empty));
        hash.AppendData([0]);
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        return hash.GetHashAndReset();
    }

    /// <summary>
    /// Whether an outcome is kept and replayed: successes, and client errors that record a decision.
    /// Not kept, so a retry runs again: 401, 403 (credentials and roles can change), 408, 429 (wait
    /// and retry), 499 (the client went away before an answer) and every 5xx. The 409 saying a request with the key is in progress is answered
    /// before the handler and never reaches this question; a handler's 409 (lobby full) is a decision.
    /// </summary>
    public static bool IsStored(int status) => status switch
    {
        >= 200 and < 300 => true,
        401 or 403 or 408 or 429 or 499 => false,
        >= 400 and < 500 => true,
        _ => false,
    };
}
