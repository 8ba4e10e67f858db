namespace CleanGames.Application.Mafia.Matchmaking.Common;

/// <summary>
/// Asks for a matcher run as soon as possible. Requests made while a run is going coalesce into one
/// more run, so a burst of joins costs a few runs, not one each.
/// </summary>
public interface IMatchmakingTrigger
{
    void RequestRun();
}
