namespace CleanGames.Application.Mafia.Matchmaking.Common;

/// <summary>Whether a player is listening on <c>/ws/notifications</c> or <c>/hubs/notifications</c>, where <c>match_found</c> reaches them.</summary>
public interface IQueueListeners
{
    bool IsListening(long accountId);
}
