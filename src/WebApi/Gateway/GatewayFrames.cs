using System.Text.Json;
using CleanGames.WebApi.Common.Json;

namespace CleanGames.WebApi.Gateway;

/// <summary>The frames of seed 002's socket protocol, version 1.</summary>
internal static class GatewayFrames
{
    public const int Version = 1;

    public static byte[] Hello(string connectionId, int heartbeatSeconds) =>
        Serialize(new HelloFrame("hello", Version, connectionId, heartbeatSeconds));

    public static byte[] Reply(string requestId, object? payload) =>
        Serialize(new ReplyFrame("reply", Version, requestId, true, payload ?? new object()));

    public static byte[] Error(string? requestId, string code, string message, long? retryAfterMs = null) =>
        Serialize(new ErrorFrame("error", Version, requestId, code, message, retryAfterMs));

    private static byte[] Serialize<T>(T frame) => JsonSerializer.SerializeToUtf8Bytes(frame, WireJson.Options);

    private sealed record HelloFrame(string Type, int V, string ConnectionId, int HeartbeatSec);

    private sealed record ReplyFrame(string Type, int V, string RequestId, bool Ok, object Payload);

    private sealed record ErrorFrame(string Type, int V, string? RequestId, string Code, string Message, long? RetryAfterMs);
}

/// <summary>Close codes of <c>/v1/connect</c> beyond the standard ones (documented in README).</summary>
public static class GatewayCloseCodes
{
    /// <summary>Nothing received for twice the heartbeat interval.</summary>
    public const int HeartbeatTimeout = 4000;

    /// <summary>The client kept sending after being told it was over its command rate.</summary>
    public const int RateLimitAbuse = 4029;
}
