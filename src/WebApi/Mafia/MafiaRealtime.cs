using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using System.Text.Json.Serialization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Commands.CastVote;
using CleanGames.Application.Mafia.Games.Commands.SendChat;
using CleanGames.Application.Mafia.Games.Commands.SendEmoji;
using CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Json;
using CleanGames.WebApi.Common.Realtime;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Mafia;

/// <summary>
/// The seed-000 socket framing: <c>game_state</c> wraps its payload in <c>data</c>; <c>chat</c>,
/// <c>emoji</c>, <c>notification</c>, <c>pong</c>, <c>connected</c> and <c>error</c> carry <c>type</c>;
/// game events carry <c>event</c> — each followed by the payload's own fields.
/// </summary>
public static class MafiaFrames
{
    private static readonly HashSet<string> Typed = new(StringComparer.Ordinal) { "chat", "emoji", "notification", "pong", "connected", "error" };

    public static byte[] Frame(RealtimeEvent realtimeEvent) => Frame(realtimeEvent.Name, realtimeEvent.Payload);

    public static byte[] Frame(string name, object? payload)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            if (name == "game_state")
            {
                writer.WriteString("type", name);
                writer.WritePropertyName("data");
                JsonSerializer.Serialize(writer, payload, payload?.GetType() ?? typeof(object), WireJson.Options);
            }
            else
            {
                writer.WriteString(Typed.Contains(name) ? "type" : "event", name);
                if (payload is not null)
                {
                    foreach (var property in JsonSerializer.SerializeToElement(payload, payload.GetType(), WireJson.Options).EnumerateObject())
                    {
                        property.WriteTo(writer);
                    }
                }
            }

            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }

    public static byte[] Error(string detail) => Frame("error", new { detail });

    /// <summary>An error frame for a refusal the client should wait out: <c>{"type":"error","detail","code":"rate_limited","retry_after_ms"}</c>.</summary>
    public static byte[] RateLimited(string detail, long retryAfterMs) => Frame("error", new { detail, code = "rate_limited", retry_after_ms = retryAfterMs });
}

/// <summary>
/// Reconnect tokens for the seed-000 sockets: protected (signed and encrypted) and time-limited,
/// naming the socket they reopen (one game, or the notifications), the account and whether it
/// watches as an admin, so a dropped client reattaches without its JWT. Each socket announces a
/// fresh one in its <c>connected</c> frame.
/// </summary>
public sealed class ReconnectTokens(IDataProtectionProvider protection, IClock clock)
{
    /// <summary>The scope of <c>/ws/notifications</c>; a game's scope is its id (<see cref="GameScope"/>).</summary>
    public const string NotificationsScope = "notifications";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(6);
    private readonly ITimeLimitedDataProtector _protector = protection.CreateProtector("mafia.game-socket.reconnect").ToTimeLimitedDataProtector();

    public static string GameScope(Guid gameId) => gameId.ToString("N", CultureInfo.InvariantCulture);

    /// <summary>The seed's <c>{"type":"connected","reconnect_token","timestamp"}</c>, with a fresh token reopening <paramref name="scope"/> for <paramref name="user"/>.</summary>
    public byte[] ConnectedFrame(string scope, ClaimsPrincipal user)
    {
        var token = Issue(scope, user);
        return MafiaFrames.Frame("connected", new { reconnect_token = token, timestamp = GameViews.Timestamp(clock.UtcNow) });
    }

    /// <summary>
    /// A token reopening <paramref name="scope"/> for the account of <paramref name="user"/>. It carries no
    /// role (an admin watching reconnects with their JWT), belongs to the same sign-in session as the
    /// credentials that opened the socket (so logout and revocation end it), and expires when those do,
    /// at most <see cref="Lifetime"/> after it was issued: a reconnect never outlives its credentials.
    /// </summary>
    public string Issue(string scope, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        var accountId = long.Parse(user.FindFirstValue(AccountClaimTypes.Subject)!, CultureInfo.InvariantCulture);
        var session = user.FindFirstValue(AccountClaimTypes.Session) ?? string.Empty;
        var now = clock.UtcNow;
        var expires = WebSocketConnectionTracker.ExpiryOf(user) is { } exp && exp < now + Lifetime ? exp : now + Lifetime;
        var lifetime = expires > now ? expires - now : TimeSpan.Zero;
        return _protector.Protect(
            string.Create(CultureInfo.InvariantCulture, $"{scope}|{accountId}|{session}|{expires.ToUnixTimeSeconds()}"), lifetime);
    }

    /// <summary>The principal the token stands for, when it is valid for <paramref name="scope"/>.</summary>
    public ClaimsPrincipal? Redeem(string token, string scope)
    {
        string text;
        try
        {
            text = _protector.Unprotect(token);
        }
        catch (System.Security.Cryptography.CryptographicException)
        {
            return null;
        }

        var parts = text.Split('|');
        if (parts.Length != 4 || parts[0] != scope)
        {
            // Tokens of the earlier three-part form (with a role flag) are no longer honoured.
            return null;
        }

        var claims = new List<Claim> { new(AccountClaimTypes.Subject, parts[1]), new(AccountClaimTypes.Expires, parts[3]) };
        if (parts[2].Length > 0)
        {
            claims.Add(new Claim(AccountClaimTypes.Session, parts[2]));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "reconnect", AccountClaimTypes.Subject, AccountClaimTypes.Role));
    }
}

/// <summary>Pushes Mafia events to <c>/hubs/game</c> (per game and account) and <c>/hubs/notifications</c>.</summary>
internal sealed partial class MafiaHubSink(IHubContext<GameHub> games, IHubContext<NotificationsHub> notifications, ILogger<MafiaHubSink> logger) : IRealtimeSink
{
    public ValueTask DeliverAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        if (realtimeEvent.Topic == MafiaTopics.Notifications)
        {
            _ = SendAsync(notifications.Clients.Group(NotificationsHub.AccountGroup(realtimeEvent.AccountId)), realtimeEvent);
        }
        else if (realtimeEvent.Topic.StartsWith("mafia.game:", StringComparison.Ordinal))
        {
            _ = SendAsync(games.Clients.Group(GameHub.Group(realtimeEvent.Topic, realtimeEvent.AccountId)), realtimeEvent);
        }

        return ValueTask.CompletedTask;
    }

    // Not awaited by the publisher: a stalled hub client must not hold up the game.
    private async Task SendAsync(IClientProxy clients, RealtimeEvent realtimeEvent)
    {
        try
        {
            await clients.SendAsync(realtimeEvent.Name, realtimeEvent.Payload, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogPushFailed(exception, realtimeEvent.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {EventName} to a Mafia hub failed")]
    private partial void LogPushFailed(Exception exception, string eventName);
}

/// <summary>
/// What a Mafia game command carries, on any transport: the game socket's frames
/// (<c>{"type":"chat","message":"…"}</c>, the game taken from the socket's path), a hub method's
/// arguments, or a <c>/v1/connect</c> payload (which names its <c>game_id</c>). Read strictly, as
/// REST reads its bodies: a value of another JSON type than a string is refused ("Invalid
/// payload"), never taken as absent (an absent <c>target_id</c> is a skipped vote).
/// </summary>
public sealed record MafiaGameFrame(string? GameId = null, string? TargetId = null, string? Action = null, string? Message = null, string? Emoji = null)
{
    /// <summary>The game the command is for: the one the connection is bound to, else the payload's.</summary>
    public string For(RealtimeCall call) => call.Scope ?? GameId ?? string.Empty;
}

public static class MafiaRealtime
{
    /// <summary>The realtime domain of game commands: served on the game sockets (bound to their game), <c>/hubs/game</c> and <c>/v1/connect</c>.</summary>
    public const string Domain = "mafia";

    /// <summary>The notification socket's domain: it has no commands of its own (only <c>ping</c>).</summary>
    public const string NotificationsDomain = "mafia.notifications";
}
