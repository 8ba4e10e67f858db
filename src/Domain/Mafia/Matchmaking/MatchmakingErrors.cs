using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Matchmaking;

public static class MatchmakingErrors
{
    public static readonly DomainError NotWaiting = DomainError.Conflict("mafia.queue.not_waiting", "You are not waiting in the matchmaking queue.");
}
