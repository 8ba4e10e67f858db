using System.Globalization;
using System.Linq.Expressions;
using Ardalis.Specification;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;

namespace CleanGames.Application.Mafia.Lobbies.Common;

public sealed class LobbyByIdOrCodeSpec : Specification<Lobby>
{
    public LobbyByIdOrCodeSpec(string idOrCode) => Query.Where(IdOrCode(idOrCode));

    /// <summary>A lobby named by its id or, case-insensitively, by its invite code.</summary>
    public static Expression<Func<Lobby, bool>> IdOrCode(string idOrCode)
    {
        if (Guid.TryParse(idOrCode, CultureInfo.InvariantCulture, out var id))
        {
            return l => l.Id == id;
        }

        var code = idOrCode.ToUpperInvariant();
        return l => l.InviteCode == code;
    }
}

public sealed class OpenLobbyOfMemberSpec : Specification<Lobby>
{
    public OpenLobbyOfMemberSpec(long accountId, Guid? exceptLobby = null) =>
        Query.Where(l => l.Status == LobbyStatus.Open && l.Id != exceptLobby && l.Members.Any(m => m.AccountId == accountId));
}

/// <summary>Open lobbies any of <paramref name="accountIds"/> is a member of (for one existence check over a whole table).</summary>
public sealed class OpenLobbyOfAnySpec : Specification<Lobby>
{
    public OpenLobbyOfAnySpec(IReadOnlyCollection<long> accountIds) =>
        Query.Where(l => l.Status == LobbyStatus.Open && l.Members.Any(m => accountIds.Contains(m.AccountId)));
}
