using System.Globalization;
using CleanGames.Application.Common.Errors;
using Ardalis.Specification;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Mafia.Common;

/// <summary>Ids on this surface are strings; one that names nothing, malformed included, is "not found".</summary>
public static class MafiaIds
{
    public static Guid Game(string? id) => Guid.TryParse(id, CultureInfo.InvariantCulture, out var value)
        ? value
        : throw new DomainException(MafiaErrors.GameNotFound);

    public static string Of(Guid id) => id.ToString("D", CultureInfo.InvariantCulture);

    public static string Of(long accountId) => accountId.ToString(CultureInfo.InvariantCulture);

    /// <summary>A user id from the wire; one that is not an account id names nobody in the game.</summary>
    public static long? Account(string? id) =>
        long.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>The per-game lock key, the same whatever spelling of the id a client sent.</summary>
    public static string GameLock(string? id) => "mafia.game:" + (Guid.TryParse(id, CultureInfo.InvariantCulture, out var value) ? Of(value) : id);

}

/// <summary>Schedules the deadline of a game's current phase (Quartz in Infrastructure).</summary>
public interface IPhaseDeadlineScheduler
{
    Task ScheduleAsync(Guid gameId, int phaseNumber, DateTimeOffset deadline, CancellationToken cancellationToken);
}

public sealed class GameByIdSpec : Specification<Game>
{
    /// <param name="forReading">A read that changes nothing: not tracked, so a second read in the same scope sees the database again.</param>
    public GameByIdSpec(Guid id, bool forReading = false)
    {
        Query.Where(g => g.Id == id);
        if (forReading)
        {
            Query.AsNoTracking();
        }
    }
}

public sealed class UnfinishedGameOfPlayerSpec : Specification<Game>
{
    public UnfinishedGameOfPlayerSpec(long accountId) =>
        Query.Where(g => g.Phase != GamePhase.Ended && g.Players.Any(p => p.AccountId == accountId)).OrderByDescending(g => g.StartedAt);
}

public sealed class ActiveGamesSpec : Specification<Game>
{
    public ActiveGamesSpec(int skip, int take)
    {
        Query.Where(g => g.Phase != GamePhase.Ended).OrderByDescending(g => g.StartedAt).ThenBy(g => g.Id);
        if (take > 0)
        {
            Query.Skip(skip).Take(take);
        }
    }
}

public sealed class UnfinishedGamesSpec : Specification<Game>
{
    public UnfinishedGamesSpec() => Query.Where(g => g.Phase != GamePhase.Ended);
}

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
