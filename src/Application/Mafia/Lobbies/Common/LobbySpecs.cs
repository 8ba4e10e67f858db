using System.Globalization;
using Ardalis.Specification;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;

namespace CleanGames.Application.Mafia.Lobbies.Common;

public sealed class LobbyByIdOrCodeSpec : Specification<Lobby>
{
    public LobbyByIdOrCodeSpec(string idOrCode)
    {
        if (Guid.TryParse(idOrCode, CultureInfo.InvariantCulture, out var id))
        {
            Query.Where(l => l.Id == id);
        }
        else
        {
            var code = idOrCode.ToUpperInvariant();
            Query.Where(l => l.InviteCode == code);
        }
    }
}

public sealed class OpenLobbyOfMemberSpec : Specification<Lobby>
{
    public OpenLobbyOfMemberSpec(long accountId, Guid? exceptLobby = null) =>
        Query.Where(l => l.Status == LobbyStatus.Open && l.Id != exceptLobby && l.Members.Any(m => m.AccountId == accountId));
}
