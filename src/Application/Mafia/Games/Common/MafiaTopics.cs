using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Mafia.Games.Events;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>Realtime topics and event names of the Mafia surface (seed 000 "WebSocket сообщения").</summary>
public static class MafiaTopics
{
    public const string Notifications = "mafia.notifications";

    /// <summary>
    /// Events of one game go to each player's account; <see cref="Observers"/> (account 0) stands
    /// for connected non-players (admins), who receive the public view.
    /// </summary>
    public const long Observers = 0;

    public static string Game(Guid gameId) => "mafia.game:" + MafiaIds.Of(gameId);
}
