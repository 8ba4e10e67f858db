namespace CleanGames.Application.Mafia.Matchmaking.Common;

/// <summary><c>Matchmaking</c>: how the queue widens, how long it keeps a player who stopped listening, and how often it is swept.</summary>
public sealed class MatchmakingOptions
{
    public const string Section = "Matchmaking";

    /// <summary>After this long in the queue a player who cannot fill a table of the mode's size gets a smaller one (never below four).</summary>
    public int WidenAfterSeconds { get; set; } = 30;

    /// <summary>A queued player not listening on the notifications socket or hub for this long leaves the queue.</summary>
    public int DisconnectGraceSeconds { get; set; } = 30;

    /// <summary>How often Quartz sweeps the queue (widening, dropping the unheard) and runs the matcher (seconds; 1–60).</summary>
    public int SweepSeconds { get; set; } = 1;
}
