using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Social;

/// <summary>What the social rules need of a game: whether it has ended and who sat in it.</summary>
public sealed record SharedTable(Guid GameId, bool HasEnded, IReadOnlyCollection<long> Players)
{
    public bool Seats(long accountId) => Players.Contains(accountId);

    /// <summary>Both players sat in this game; the actor first (403 "not a player"), then the other (403 "did not play").</summary>
    public void EnsureCoPlayers(long actorId, long otherId)
    {
        if (!Seats(actorId))
        {
            throw new DomainException(SocialErrors.NotAPlayer);
        }

        if (!Seats(otherId))
        {
            throw new DomainException(SocialErrors.NotCoPlayers);
        }
    }
}
