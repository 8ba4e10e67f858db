using Ardalis.Specification;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Voice;

namespace CleanGames.Application.Mafia.Voice.Common;

public sealed class VoiceRoomOfGameSpec : Specification<VoiceRoom>
{
    public VoiceRoomOfGameSpec(Guid gameId) => Query.Where(r => r.GameId == gameId).AsNoTracking();
}

public sealed class VoiceRoomByIdSpec : Specification<VoiceRoom>
{
    public VoiceRoomByIdSpec(Guid roomId) => Query.Where(r => r.Id == roomId).AsNoTracking();
}

/// <summary>What voice needs of a game and one account: whether it ended, and whether the account plays (alive or dead) in it.</summary>
public sealed record VoiceSeatRow(bool Ended, bool? Alive);

/// <summary>Reads the two facts without loading the game (its players, actions and votes).</summary>
public sealed class VoiceSeatSpec : Specification<Game, VoiceSeatRow>
{
    public VoiceSeatSpec(Guid gameId, long accountId) =>
        Query.Where(g => g.Id == gameId)
            .AsNoTracking()
            .Select(g => new VoiceSeatRow(
                g.Phase == GamePhase.Ended,
                g.Players.Where(p => p.AccountId == accountId).Select(p => (bool?)p.IsAlive).FirstOrDefault()));
}
