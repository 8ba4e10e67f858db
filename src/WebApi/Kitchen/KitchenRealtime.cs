using System.Text.Json;
using System.Text.Json.Serialization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Kitchen.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Json;
using CleanGames.WebApi.Common.Realtime;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Kitchen;

/// <summary>
/// The seed's <c>data</c>: <c>token</c> (read by <c>/ws</c> only: elsewhere the connection is
/// already authenticated) and <c>id</c> (a string; a number is accepted too).
/// </summary>
public sealed record KitchenRequestData(
    [property: JsonConverter(typeof(StringOrNumberConverter))] string? Id = null,
    string? Token = null);

/// <summary>The seed's error body: <c>data.error {code, message}</c>, with the Clicker status numbers as codes.</summary>
public sealed record KitchenErrorData(KitchenError Error);

public sealed record KitchenError(int Code, string Message);

/// <summary>A hub's push of the session after a change made on another connection.</summary>
public sealed record KitchenSessionEvent(string RequestType, KitchenSessionView Session);

public static class KitchenRealtime
{
    /// <summary>The realtime domain of the seed's request types: each is registered once below and served on <c>/ws</c>, <c>/hubs/kitchen</c> and <c>/v1/connect</c>.</summary>
    public const string Domain = KitchenViews.Topic;

    public static KitchenErrorData Error(Exception exception)
    {
        var error = ExceptionMapping.ToApiError(exception);
        return Error(error);
    }

    /// <summary>The refusal of a request type nobody registered, naming the ones there are.</summary>
    public static ApiError UnknownRequestType(RealtimeCommandRouter router, string requestType) =>
        ApiError.From(Application.Kitchen.Common.KitchenErrors.UnknownRequest) with
        {
            Message = $"Unknown request_type \"{requestType}\"; expected one of: {string.Join(", ", router.CommandsOf(Domain))}.",
        };

    public static KitchenErrorData Error(ApiError error) => new(new KitchenError(ClickerStatusCodes.For(error, error.Status), error.SingleLineMessage()));

    /// <summary><c>{"message_type":"broadcast","request_type",...,"data":{"session"}}</c>: the framing of <c>/ws</c> pushes.</summary>
    public static byte[] BroadcastFrame(RealtimeEvent realtimeEvent)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer, WireJson.WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteString("message_type", "broadcast");
            writer.WriteString("request_type", realtimeEvent.Name);
            writer.WritePropertyName("data");
            JsonSerializer.Serialize(writer, realtimeEvent.Payload, realtimeEvent.Payload.GetType(), WireJson.Options);
            writer.WriteEndObject();
        }

        return buffer.WrittenSpan.ToArray();
    }
}

/// <summary>Hub connections per account on <c>/hubs/kitchen</c>.</summary>
public sealed class KitchenHubPresence
{
    public AccountPresence Accounts { get; } = new();
}

/// <summary>Pushes the <c>session</c> event to the account's other <c>/hubs/kitchen</c> connections.</summary>
internal sealed partial class KitchenHubSink(IHubContext<KitchenHub> hub, KitchenHubPresence presence, ILogger<KitchenHubSink> logger) : IRealtimeSink
{
    public ValueTask DeliverAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        if (realtimeEvent.Topic == KitchenViews.Topic && realtimeEvent.Payload is KitchenBroadcast broadcast && presence.Accounts.IsPresent(realtimeEvent.AccountId))
        {
            // Not awaited, and not tied to the request: a hub client that stalls must not hold up,
            // or fail, the request that changed the session.
            _ = SendAsync(realtimeEvent, broadcast);
        }

        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(RealtimeEvent realtimeEvent, KitchenBroadcast broadcast)
    {
        try
        {
            var group = KitchenHub.AccountGroup(realtimeEvent.AccountId);
            var clients = realtimeEvent.ExceptConnectionId is { } except ? hub.Clients.GroupExcept(group, except) : hub.Clients.Group(group);
            await clients.SendAsync("session", new KitchenSessionEvent(realtimeEvent.Name, broadcast.Session), CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogPushFailed(exception, realtimeEvent.AccountId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing a Kitchen session to the hub connections of account {AccountId} failed")]
    private partial void LogPushFailed(Exception exception, long accountId);
}
