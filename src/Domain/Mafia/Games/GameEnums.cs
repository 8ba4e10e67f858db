namespace CleanGames.Domain.Mafia.Games;

public enum Role
{
    Citizen,
    Mafia,
    Detective,
    Doctor,
}

public enum GamePhase
{
    Night,
    Day,
    Voting,
    Ended,
}

public enum NightActionType
{
    Kill,
    Heal,
    Investigate,
}

public enum Team
{
    Mafia,
    Citizens,
}

public enum DeathReason
{
    Killed,
    Voted,
    Idle,

    /// <summary>Removed from the table by a moderator's ban.</summary>
    Banned,
}

/// <summary>Who may read a history entry before the game ends (everyone may afterwards).</summary>
public enum ActionVisibility
{
    Public,

    /// <summary>The mafia's own acts: visible to every mafia member.</summary>
    Mafia,

    /// <summary>Visible to the actor only (a heal, an investigation).</summary>
    Actor,
}

public static class RoleRules
{
    public static Team TeamOf(Role role) => role == Role.Mafia ? Team.Mafia : Team.Citizens;

    /// <summary>The night action a role may take, if any.</summary>
    public static NightActionType? NightActionOf(Role role) => role switch
    {
        Role.Mafia => NightActionType.Kill,
        Role.Doctor => NightActionType.Heal,
        Role.Detective => NightActionType.Investigate,
        _ => null,
    };

    public static string Describe(Role role) => role switch
    {
        Role.Mafia => "You are mafia. Each night, agree with the other mafia on one player to kill. Win when the mafia are at least as many as everyone else.",
        Role.Detective => "You are the detective. Each night, investigate one player to learn whether they are mafia. Win when every mafia member is gone.",
        Role.Doctor => "You are the doctor. Each night, heal one player (not the same one two nights running) to save them from the mafia. Win when every mafia member is gone.",
        _ => "You are a citizen. Find the mafia by talking and voting during the day. Win when every mafia member is gone.",
    };
}

/// <summary>
/// The wire names of the game's values (snake_case, as the seed writes them), used by the history
/// the game records and by every view of it, and read back from requests.
/// </summary>
public static class GameNames
{
    public static string Of(GamePhase phase) => phase switch
    {
        GamePhase.Night => "night",
        GamePhase.Day => "day",
        GamePhase.Voting => "voting",
        _ => "ended",
    };

    public static string Of(Role role) => role switch
    {
        Role.Mafia => "mafia",
        Role.Detective => "detective",
        Role.Doctor => "doctor",
        _ => "citizen",
    };

    public static string Of(Team team) => team == Team.Mafia ? "mafia" : "citizens";

    public static string Of(DeathReason reason) => reason switch
    {
        DeathReason.Killed => "killed",
        DeathReason.Voted => "voted",
        DeathReason.Banned => "banned",
        _ => "idle",
    };

    public static string Of(NightActionType action) => action switch
    {
        NightActionType.Kill => "kill",
        NightActionType.Heal => "heal",
        _ => "investigate",
    };

    public static Role? ParseRole(string? role) => Enum.GetValues<Role>().Cast<Role?>().FirstOrDefault(r => Of(r!.Value) == role);

    public static NightActionType? ParseAction(string? action) =>
        Enum.GetValues<NightActionType>().Cast<NightActionType?>().FirstOrDefault(a => Of(a!.Value) == action);
}
