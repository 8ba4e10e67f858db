using CleanGames.Domain.Common;

namespace CleanGames.Application.Mafia.Common;

/// <summary>The Mafia use cases' refusals (the aggregates' own rules are <c>GameErrors</c> and <c>LobbyErrors</c> in Domain).</summary>
public static class MafiaErrors
{
    public static readonly DomainError GameNotFound = DomainError.NotFound("mafia.game.not_found", "Game not found");
    public static readonly DomainError LobbyNotFound = DomainError.NotFound("mafia.lobby.not_found", "Lobby not found");
    public static readonly DomainError InUnfinishedGame = DomainError.Conflict("mafia.player.busy", "You are already in an unfinished game.");
    public static readonly DomainError InAnotherLobby = DomainError.Conflict("mafia.player.busy", "You are already in another lobby.");
    public static readonly DomainError InQueue = DomainError.Conflict("mafia.player.busy", "You are waiting in the matchmaking queue; leave it first.");
    public static readonly DomainError Banned = DomainError.Forbidden("mafia.player.banned", "You may not join games.");
    public static readonly DomainError PlayerNotFound = DomainError.NotFound("mafia.player.not_found", "User not found");
    public static readonly DomainError NotYourStatus = DomainError.Forbidden("moderation.status.forbidden", "Only the player, moderators and admins may see a player's moderation status");
    public static readonly DomainError ModeratorOnStaff = DomainError.Forbidden("moderation.target.staff", "A moderator cannot act on an admin or a moderator");
    public static readonly DomainError ModerateSelf = DomainError.Conflict("moderation.target.self", "You cannot act on your own account");

    public static readonly DomainError ReportNotFound = DomainError.NotFound("moderation.report.not_found", "Report not found");
    public static readonly DomainError AppealNotFound = DomainError.NotFound("moderation.appeal.not_found", "Appeal not found");

    /// <summary>The player's standing refuses the action; the message is the standing's reason.</summary>
    public static DomainError Restricted(string reason) => DomainError.Forbidden("moderation.restricted", reason);

    public static readonly DomainError VoiceRoomNotFound = DomainError.NotFound("mafia.voice.room_not_found", "Voice room not found");

    /// <summary>A game's voice room is for the game while it is played; an ended game has none to create or join.</summary>
    public static readonly DomainError VoiceGameEnded = DomainError.Conflict("mafia.voice.game_ended", "The game has ended; its voice room is closed.");

    /// <summary><c>Voice:ApiKey</c>, <c>Voice:ApiSecret</c> and <c>Voice:Url</c> are not set: the server has no SFU to send players to.</summary>
    public static readonly DomainError VoiceUnavailable = DomainError.Unavailable("mafia.voice.unavailable", "Voice is not configured on this server.");
}
