namespace CleanGames.Application.Novels.Common;

/// <summary>The <c>Novels</c> section.</summary>
public sealed class NovelsOptions
{
    public const string Section = "Novels";

    /// <summary>How often counted chapter views are written and <c>views_daily</c> recomputed.</summary>
    public int ViewsFlushSeconds { get; set; } = 30;

    /// <summary>A reader's reads of one chapter count once within this many minutes.</summary>
    public int ViewWindowMinutes { get; set; } = 60;

    /// <summary>The most (reader, chapter) pairs remembered for the window; past it the oldest are forgotten first.</summary>
    public int MaxTrackedReads { get; set; } = 200_000;

    /// <summary>The most (chapter, hour) counters waiting for the next write; past it reads are not counted until the write.</summary>
    public int MaxPendingCounters { get; set; } = 50_000;

    public bool IsValid() =>
        ViewsFlushSeconds is >= 1 and <= 3600
        && ViewWindowMinutes is >= 1 and <= 24 * 60
        && MaxTrackedReads is >= 1000 and <= 10_000_000
        && MaxPendingCounters is >= 100 and <= 1_000_000;
}
