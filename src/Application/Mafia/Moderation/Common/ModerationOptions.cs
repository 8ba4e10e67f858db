namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary><c>Moderation</c>: when bans and restrictions are lifted, and the reports rule.</summary>
public sealed class ModerationOptions
{
    public const string Section = "Moderation";

    /// <summary>How often the expiry job lifts bans and restrictions whose time has come (seconds; 1–60).</summary>
    public int ExpirySweepSeconds { get; set; } = 1;

    /// <summary>Bans and as many restrictions one run of the expiry job ends at most; the next run takes the rest.</summary>
    public int ExpiryBatchSize { get; set; } = 200;

    /// <summary>Reports from this many distinct co-players within a day put an interim chat restriction on the reported player (1–100).</summary>
    public int AutoRestrictAfterReports { get; set; } = 3;

    /// <summary>How long the interim chat restriction lasts unless a moderator lifts it (hours, 1–720).</summary>
    public int AutoRestrictHours { get; set; } = 24;
}
