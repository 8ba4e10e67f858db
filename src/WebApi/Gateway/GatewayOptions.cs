namespace CleanGames.WebApi.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary><c>Gateway:HeartbeatSeconds</c>: announced in the hello frame; silence for twice this closes the socket.</summary>
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary><c>Gateway:MaxCommandsPerMinute</c>: commands one connection may send in any 60 s.</summary>
    public int MaxCommandsPerMinute { get; set; } = 120;

    /// <summary>How long one frame may take to send before the client is taken to be gone or not reading.</summary>
    public int SendTimeoutSeconds { get; set; } = 10;

    /// <summary>How long a request id is remembered, so a retried command is answered without running again.</summary>
    public int IdempotencyWindowSeconds { get; set; } = 120;

    /// <summary>Replies remembered per account at most; the oldest are forgotten first.</summary>
    public int IdempotencyMaxEntriesPerAccount { get; set; } = 1024;

    /// <summary>Bytes of remembered replies per account at most (replies echo what the client sent, so a count alone is no bound); the oldest are forgotten first.</summary>
    public long IdempotencyMaxBytesPerAccount { get; set; } = 1024 * 1024;
}
