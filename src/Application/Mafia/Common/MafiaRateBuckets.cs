namespace CleanGames.Application.Mafia.Common;

/// <summary>
/// The per-account buckets Mafia's floodable requests draw from (limits: <c>RateLimiting:PerAccountPerMinute:&lt;bucket&gt;</c>).
/// </summary>
public static class MafiaRateBuckets
{
    public const string Chat = "mafia_chat";
    public const string Emoji = "mafia_emoji";

    /// <summary>Votes and night actions.</summary>
    public const string GameActions = "mafia_game_actions";

    /// <summary>Creating, joining, readying and leaving lobbies.</summary>
    public const string Lobby = "mafia_lobby";
}
