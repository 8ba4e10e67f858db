namespace CleanGames.Application.Kitchen.Common;

/// <summary>The <c>Kitchen</c> configuration section.</summary>
public sealed class KitchenOptions
{
    public const string Section = "Kitchen";

    /// <summary>The most <c>cook</c> requests one account may make in any one second.</summary>
    public int MaxCooksPerSecond { get; set; } = 20;

    /// <summary>The longest absence automation is credited for.</summary>
    public double OfflineCapHours { get; set; } = 8;

    /// <summary>How often changed live sessions are written to the database (at most 1000).</summary>
    public int WriteBehindMilliseconds { get; set; } = 500;

    /// <summary>How long a session nobody is connected to stays in memory after its last use.</summary>
    public int IdleEvictMinutes { get; set; } = 5;

    public TimeSpan OfflineCap => TimeSpan.FromHours(OfflineCapHours);

    public bool IsValid() =>
        MaxCooksPerSecond is >= 1 and <= 100_000 && OfflineCapHours > 0 && WriteBehindMilliseconds is >= 50 and <= 1000 && IdleEvictMinutes >= 1;
}
