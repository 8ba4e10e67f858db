namespace CleanGames.Domain.Mafia.Games;

/// <summary>One seat at the table.</summary>
public sealed class GamePlayer
{
    private GamePlayer()
    {
    }

    internal GamePlayer(long accountId, int seat, Role role, bool atDailyRewardLimit)
    {
        AccountId = accountId;
        Seat = seat;
        Role = role;
        IsAlive = true;
        AtDailyRewardLimit = atDailyRewardLimit;
    }

    public long AccountId { get; private set; }

    public int Seat { get; private set; }

    public Role Role { get; private set; }

    public bool IsAlive { get; private set; }

    public DeathReason? DeathReason { get; private set; }

    public int? DiedOnDay { get; private set; }

    /// <summary>Phases in a row in which this player could act and did not (the AFK rule).</summary>
    public int MissedTurns { get; private set; }

    /// <summary>The doctor's target of the last night, if the doctor healed then.</summary>
    public long? LastHealedTarget { get; private set; }

    /// <summary>
    /// The player had already been rewarded for the day's limit of games when this one started; a
    /// game that ends on that same UTC day earns them nothing (see <see cref="GameRewardPolicy"/>).
    /// </summary>
    public bool AtDailyRewardLimit { get; private set; }

    public Team Team => RoleRules.TeamOf(Role);

    internal void Die(DeathReason reason, int day)
    {
        IsAlive = false;
        DeathReason = reason;
        DiedOnDay = day;
    }

    internal void Acted() => MissedTurns = 0;

    internal void MissedTurn() => MissedTurns++;

    internal void Healed(long? target) => LastHealedTarget = target;
}

/// <summary>A night action of the current night (replaced when the actor changes their mind).</summary>
public sealed record NightAction(int PhaseNumber, long ActorId, NightActionType Action, long TargetId);

/// <summary>A vote of the current voting phase; a null target is a skip.</summary>
public sealed record Vote(int PhaseNumber, long VoterId, long? TargetId);

/// <summary>
/// One line of the game's history (seed <c>GameAction</c>). <see cref="PlayerId"/> is null for
/// entries without an actor (phase changes, deaths, the end).
/// </summary>
public sealed record GameActionEntry(
    int Sequence,
    int Day,
    GamePhase Phase,
    long? PlayerId,
    string ActionType,
    long? TargetId,
    string? Result,
    ActionVisibility Visibility,
    DateTimeOffset Timestamp);

/// <summary>The tokens a player earned in a game, recorded when it ends for the economy to credit.</summary>
public sealed record GameReward(long AccountId, long Amount, bool Won, bool Survived);

/// <summary>
/// How many tokens a finished game is worth: the winning team earns more than the losing one, and
/// surviving to the end adds a bonus. The economy credits what the game records. Farming guard: a
/// game earns nothing unless it had at least <see cref="MinPlayers"/> players and no phase set
/// shorter than the default durations (short private games are for practice), and a player who was
/// already rewarded for the day's limit of games (<c>Economy:MaxRewardedGamesPerDay</c>, counted in
/// UTC days) earns nothing from a game that ends on that day. A player sits at one table at a time,
/// so the count taken when the game starts is the count when it ends, unless the day changed in
/// between (then the new day's count is 0 and the game is rewarded).
/// </summary>
public static class GameRewardPolicy
{
    public const long Win = 100;
    public const long Loss = 20;
    public const long SurvivalBonus = 30;
    public const int MinPlayers = 5;

    public const string TooFewPlayersNote = "No rewards: a game needs at least 5 players to earn tokens.";
    public const string ShortPhasesNote = "No rewards: games with phases shorter than the defaults are for practice.";
    public const string DailyLimitNote = "No rewards for players who already reached today's limit of rewarded games (UTC day).";

    public static GameReward For(GamePlayer player, Team winner, bool rewarded = true) =>
        new(player.AccountId, rewarded ? (player.Team == winner ? Win : Loss) + (player.IsAlive ? SurvivalBonus : 0) : 0, player.Team == winner, player.IsAlive);

    /// <summary>
    /// The rewards of a game that ended at <paramref name="endedAt"/>, with the note that says why a
    /// guard zeroed some or all of them (null when none applied).
    /// </summary>
    public static (IReadOnlyList<GameReward> Rewards, string? Note) Settle(IReadOnlyList<GamePlayer> players, GameSettings settings, Team winner, DateTimeOffset startedAt, DateTimeOffset endedAt)
    {
        ArgumentNullException.ThrowIfNull(players);
        var note = GuardNote(players.Count, settings);
        if (note is not null)
        {
            return (players.Select(p => For(p, winner, rewarded: false)).ToArray(), note);
        }

        var sameDay = startedAt.UtcDateTime.Date == endedAt.UtcDateTime.Date;
        var rewards = players.Select(p => For(p, winner, rewarded: !(sameDay && p.AtDailyRewardLimit))).ToArray();
        return (rewards, sameDay && players.Any(p => p.AtDailyRewardLimit) ? DailyLimitNote : null);
    }

    /// <summary>Why a game earns nothing, or null when it earns its rewards.</summary>
    public static string? GuardNote(int players, GameSettings settings)
    {
        var defaults = GameSettings.Default;
        if (players < MinPlayers)
        {
            return TooFewPlayersNote;
        }

        return settings.NightSeconds < defaults.NightSeconds || settings.DaySeconds < defaults.DaySeconds || settings.VotingSeconds < defaults.VotingSeconds
            ? ShortPhasesNote
            : null;
    }
}
