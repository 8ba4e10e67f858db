using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Domain.Mafia.Matchmaking;

/// <summary>
/// A queue mode: the table size the matcher fills (<see cref="Players"/>), the smallest it settles
/// for once a player has waited long enough (<see cref="MinPlayers"/>, never below four), and the
/// game settings its games are played with.
/// </summary>
public sealed record MatchmakingMode(string Name, int Players, int MinPlayers, GameSettings Settings)
{
    /// <summary>Throws when the mode cannot make games.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        ArgumentNullException.ThrowIfNull(Settings);
        if (MinPlayers < GameSettings.MinPlayers || MinPlayers > Players)
        {
            throw new ArgumentOutOfRangeException(nameof(MinPlayers), $"Mode {Name}: min_players must be between {GameSettings.MinPlayers} and players.");
        }

        Settings.Validate(Players);
        Settings.Validate(MinPlayers);
    }
}
