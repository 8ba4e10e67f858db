using CleanGames.Domain.Common;

namespace CleanGames.Application.Mafia.Common;

/// <summary>The Mafia use cases' refusals (the aggregates' own rules are <c>GameErrors</c> and <c>LobbyErrors</c> in Domain).</summary>
public static class MafiaErrors
{
    public static readonly DomainError GameNotFound = DomainError.NotFound("mafia.game.not_found", "Game not found");
    public static readonly DomainError LobbyNotFound = DomainError.NotFound("mafia.lobby.not_found", "Lobby not found");
    public static readonly DomainError InUnfinishedGame = DomainError.Conflict("mafia.player.busy", "You are already in an unfinished game.");
    public static readonly DomainError InAnotherLobby = DomainError.Conflict("mafia.player.busy", "You are already in another lobby.");
    public static readonly DomainError Banned = DomainError.Forbidden("mafia.player.banned", "You may not join games.");
}
