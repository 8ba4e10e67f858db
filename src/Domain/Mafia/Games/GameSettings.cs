using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Games;

/// <summary>
/// A lobby's game settings: optional role counts (null = the default distribution) and the phase
/// durations in seconds (1–600 each).
/// </summary>
public sealed record GameSettings(int? MafiaCount = null, bool? WithDoctor = null, bool? WithDetective = null, int NightSeconds = 60, int DaySeconds = 120, int VotingSeconds = 60)
{
    public const int MinPlayers = 4;
    public const int MaxPlayers = 20;
    public const int MinPhaseSeconds = 1;
    public const int MaxPhaseSeconds = 600;

    public static GameSettings Default { get; } = new();

    /// <summary>Throws when the settings cannot make a game for up to <paramref name="maxPlayers"/> players.</summary>
    public void Validate(int maxPlayers)
    {
        if (maxPlayers is < MinPlayers or > MaxPlayers)
        {
            throw new DomainException(GameErrors.InvalidPlayerCount);
        }

        foreach (var seconds in new[] { NightSeconds, DaySeconds, VotingSeconds })
        {
            if (seconds is < MinPhaseSeconds or > MaxPhaseSeconds)
            {
                throw new DomainException(GameErrors.InvalidPhaseDuration);
            }
        }

        // The mafia must start outnumbered even at the smallest table, or the game would be over at once.
        if (MafiaCount is { } mafia && (mafia < 1 || mafia * 2 >= maxPlayers))
        {
            throw new DomainException(GameErrors.InvalidMafiaCount);
        }
    }

    public TimeSpan DurationOf(GamePhase phase) => phase switch
    {
        GamePhase.Night => TimeSpan.FromSeconds(NightSeconds),
        GamePhase.Day => TimeSpan.FromSeconds(DaySeconds),
        GamePhase.Voting => TimeSpan.FromSeconds(VotingSeconds),
        _ => TimeSpan.Zero,
    };

    /// <summary>
    /// The roles for <paramref name="players"/> players in canonical order (mafia, detective,
    /// doctor, citizens): mafia = the setting, else max(1, players / 4), capped so the mafia start
    /// outnumbered; one detective unless turned off; one doctor from 5 players up unless set.
    /// </summary>
    public IReadOnlyList<Role> RolesFor(int players)
    {
        if (players is < MinPlayers or > MaxPlayers)
        {
            throw new DomainException(GameErrors.InvalidPlayerCount);
        }

        var mafia = Math.Clamp(MafiaCount ?? Math.Max(1, players / 4), 1, (players - 1) / 2);
        var detective = WithDetective ?? true ? 1 : 0;
        var doctor = WithDoctor ?? players >= 5 ? 1 : 0;
        var roles = new List<Role>(players);
        roles.AddRange(Enumerable.Repeat(Role.Mafia, mafia));
        roles.AddRange(Enumerable.Repeat(Role.Detective, Math.Min(detective, players - roles.Count)));
        roles.AddRange(Enumerable.Repeat(Role.Doctor, Math.Min(doctor, players - roles.Count)));
        roles.AddRange(Enumerable.Repeat(Role.Citizen, players - roles.Count));
        return roles;
    }
}
