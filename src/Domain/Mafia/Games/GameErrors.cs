using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Games;

public static class GameErrors
{
    public static readonly DomainError InvalidPlayerCount = new("mafia.settings.player_count", "A game has 4 to 20 players.");
    public static readonly DomainError InvalidPhaseDuration = new("mafia.settings.phase_seconds", "Phase durations are 1 to 600 seconds.");
    public static readonly DomainError InvalidMafiaCount = new("mafia.settings.mafia_count", "mafia_count must be at least 1 and fewer than half the players.");
    public static readonly DomainError NotAPlayer = DomainError.Forbidden("mafia.game.not_a_player", "You are not a player in this game.");
    public static readonly DomainError GameOver = new("mafia.game.ended", "The game has ended.");
    public static readonly DomainError DeadActor = new("mafia.player.dead", "Dead players cannot act.");
    public static readonly DomainError NotNight = new("mafia.action.wrong_phase", "Night actions are taken at night only.");
    public static readonly DomainError WrongRole = new("mafia.action.wrong_role", "Your role cannot take that action.");
    public static readonly DomainError UnknownAction = new("mafia.action.unknown", "action must be kill, heal or investigate.");
    public static readonly DomainError TargetNotInGame = new("mafia.target.unknown", "The target is not a player in this game.");
    public static readonly DomainError TargetDead = new("mafia.target.dead", "The target is not alive.");
    public static readonly DomainError HealRepeated = new("mafia.heal.repeated", "The doctor cannot heal the same player two nights running.");
    public static readonly DomainError NotVoting = new("mafia.vote.wrong_phase", "Votes are cast in the voting phase only.");
    public static readonly DomainError SelfVote = new("mafia.vote.self", "You cannot vote for yourself.");
    public static readonly DomainError ChatNotAllowed = new("mafia.chat.not_allowed", "You cannot chat now.");
}
