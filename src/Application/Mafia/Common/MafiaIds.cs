using System.Globalization;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Lobbies;

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
