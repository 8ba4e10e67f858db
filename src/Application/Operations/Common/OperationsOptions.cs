namespace CleanGames.Application.Operations.Common;

/// <summary><c>Operations:*</c>: how instances tell each other (through the shared database) what they hold.</summary>
public sealed class OperationsOptions
{
    public const string Section = "Operations";

    /// <summary><c>Operations:HeartbeatSeconds</c>: how often each instance writes its connection counts.</summary>
    public int HeartbeatSeconds { get; set; } = 10;

    /// <summary>An instance silent for three heartbeats is no longer listed.</summary>
    public TimeSpan LiveWithin => TimeSpan.FromSeconds(HeartbeatSeconds * 3);

    /// <summary>An instance silent this long is forgotten (its row removed by the next report of any instance).</summary>
    public static readonly TimeSpan ForgetAfter = TimeSpan.FromHours(1);
}
