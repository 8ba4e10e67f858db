namespace CleanGames.WebApi.Gateway;

public sealed class GatewayOptions
{
    public const string Section = "Gateway";

    /// <summary><c>Gateway:HeartbeatSeconds</c>: announced in the hello frame; silence for twice this closes the socket.</summary>
    public int HeartbeatSeconds { get; set; } = 30;

    /// <summary><c>Gateway:MaxCommandsPerMinute</c>: commands one connection may send in any 60 s.</summary>
    public int MaxCommandsPerMinute { get; set; } = 120;

    /// <summary>Replies waiting to be sent to one connection; a consumer that falls this far behind is closed.</summary>
    public int SendQueueCapacity { get; set; } = 256;

    /// <summary>How long a request id is remembered, so a retried command is answered without running again.</summary>
    public int IdempotencyWindowSeconds { get; set; } = 120;
}
