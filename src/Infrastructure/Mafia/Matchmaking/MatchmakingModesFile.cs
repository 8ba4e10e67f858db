using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Matchmaking;

namespace CleanGames.Infrastructure.Mafia.Matchmaking;

/// <summary>
/// <c>Mafia/Data/matchmaking-modes.json</c> (embedded): the queue's modes, their table sizes and their
/// games' phase lengths. A mode listed twice or one that cannot make games stops the start.
/// </summary>
internal sealed class MatchmakingModesFile : IMatchmakingModes
{
    private const string ResourceName = "CleanGames.Mafia.MatchmakingModes.json";

    private readonly Dictionary<string, MatchmakingMode> _byName = new(StringComparer.Ordinal);

    private MatchmakingModesFile(IReadOnlyList<MatchmakingMode> modes)
    {
        All = modes;
        foreach (var mode in modes)
        {
            mode.Validate();
            if (!_byName.TryAdd(mode.Name, mode))
            {
                throw new InvalidOperationException($"{ResourceName}: mode {mode.Name} is listed twice.");
            }
        }
    }

    public IReadOnlyList<MatchmakingMode> All { get; }

    public MatchmakingMode? Find(string? name) => name is null ? null : _byName.GetValueOrDefault(name);

    public static MatchmakingModesFile Load()
    {
        var file = MafiaDataFile.Read<FileShape>(ResourceName);
        return new MatchmakingModesFile(file.Modes.Select(m => new MatchmakingMode(
            m.Mode, m.Players, m.MinPlayers, GameSettings.Default with { NightSeconds = m.Settings.NightSeconds, DaySeconds = m.Settings.DaySeconds, VotingSeconds = m.Settings.VotingSeconds })).ToArray());
    }

    private sealed record FileShape(IReadOnlyList<ModeShape> Modes);

    private sealed record ModeShape(string Mode, int Players, int MinPlayers, SettingsShape Settings);

    private sealed record SettingsShape(int NightSeconds, int DaySeconds, int VotingSeconds);
}
