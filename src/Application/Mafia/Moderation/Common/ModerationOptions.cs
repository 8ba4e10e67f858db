namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary><c>Moderation</c>: when bans and restrictions are lifted.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>How often the expiry job lifts bans and restrictions whose time has come (seconds; 1–60).</summary>
    public int ExpirySweepSeconds { get; set; } = 1;

    /// <summary>Bans and as many restrictions one run of the expiry job ends at most; the next run takes the rest.</summary>
    public int ExpiryBatchSize { get; set; } = 200;
}
