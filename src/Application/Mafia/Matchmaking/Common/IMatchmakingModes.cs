using CleanGames.Domain.Mafia.Matchmaking;

namespace CleanGames.Application.Mafia.Matchmaking.Common;

/// <summary>The queue's modes (the mode table data file, read once).</summary>
public interface IMatchmakingModes
{
    IReadOnlyList<MatchmakingMode> All { get; }

    MatchmakingMode? Find(string? name);
}
