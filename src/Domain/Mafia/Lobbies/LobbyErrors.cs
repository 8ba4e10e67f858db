using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Lobbies;

public static class LobbyErrors
{
    public static readonly DomainError Full = DomainError.Conflict("mafia.lobby.full", "The lobby is full.");
    public static readonly DomainError Started = DomainError.Conflict("mafia.lobby.started", "The lobby's game has already started.");
    public static readonly DomainError NotAMember = DomainError.Forbidden("mafia.lobby.not_a_member", "You are not in this lobby.");
    public static readonly DomainError Closed = DomainError.Conflict("mafia.lobby.closed", "Everyone left this lobby; it is closed.");
    public static readonly DomainError NotReady = new("mafia.lobby.not_ready", "Every member must be ready, and at least four.");
}
