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
