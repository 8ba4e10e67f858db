using CleanGames.Domain.Mafia.Games;

namespace CleanGames.UnitTests.Mafia;

/// <summary>
/// Reads a started game: who holds which role (from <see cref="Game.Players"/>, never from a seat
/// number), the events it raised, and short ways to act and to move the phase clock.
/// </summary>
internal static class GameTable
{
    public static IReadOnlyList<long> IdsOf(this Game game, Role role) =>
        game.Players.Where(p => p.Role == role).OrderBy(p => p.Seat).Select(p => p.AccountId).ToArray();

    public static IReadOnlyList<long> MafiaIds(this Game game) => game.IdsOf(Role.Mafia);

    /// <summary>The first mafia member in seat order (the only one at a table of 4 to 7).</summary>
    public static long MafiaId(this Game game) => game.MafiaIds()[0];

    public static long DoctorId(this Game game) => game.IdsOf(Role.Doctor).Single();

    public static long DetectiveId(this Game game) => game.IdsOf(Role.Detective).Single();

    public static IReadOnlyList<long> CitizenIds(this Game game) => game.IdsOf(Role.Citizen);

    public static IReadOnlyList<long> AllIds(this Game game) => game.Players.OrderBy(p => p.Seat).Select(p => p.AccountId).ToArray();

    public static GamePlayer Player(this Game game, long accountId) =>
        game.FindPlayer(accountId) ?? throw new InvalidOperationException($"Account {accountId} does not sit at this table.");

    public static IReadOnlyList<T> Events<T>(this Game game) => game.DomainEvents.OfType<T>().ToArray();

    public static DateTimeOffset Deadline(this Game game) =>
        game.PhaseDeadline ?? throw new InvalidOperationException("The game has no phase deadline (it has ended).");

    /// <summary>A moment inside the current phase, for actions and votes.</summary>
    public static DateTimeOffset During(this Game game) => game.PhaseStartedAt.AddSeconds(1);

    public static void Act(this Game game, long actorId, NightActionType action, long targetId) =>
        game.SubmitNightAction(actorId, action, targetId, game.During());

    public static void MafiaKills(this Game game, long mafiaId, long targetId) => game.Act(mafiaId, NightActionType.Kill, targetId);

    public static void DoctorHeals(this Game game, long doctorId, long targetId) => game.Act(doctorId, NightActionType.Heal, targetId);

    public static void DetectiveInvestigates(this Game game, long detectiveId, long targetId) => game.Act(detectiveId, NightActionType.Investigate, targetId);

    public static void VoteFor(this Game game, long voterId, long? targetId) =>
        game.CastVote(voterId, targetId, game.During());

    /// <summary>Every living player in <paramref name="voterIds"/> skips.</summary>
    public static void Skip(this Game game, IEnumerable<long> voterIds)
    {
        foreach (var voter in voterIds.ToArray())
        {
            game.VoteFor(voter, null);
        }
    }

    /// <summary>Ends the current phase at its deadline, on time and in the same server run: it counts for the AFK rule.</summary>
    public static bool EndOnTime(this Game game) =>
        game.EndPhase(game.PhaseNumber, game.Deadline(), GameBuilder.ServerStartedAt);

    /// <summary>Ends the current phase as a late deadline would: nobody is counted idle for it.</summary>
    public static bool Pass(this Game game) =>
        game.EndPhase(game.PhaseNumber, game.Deadline(), GameBuilder.RestartedAt);

    /// <summary>Passes phases (nobody counted idle) until <paramref name="phase"/> begins; at least one.</summary>
    public static Game PassUntil(this Game game, GamePhase phase)
    {
        for (var step = 0; step < 3 && !game.IsOver; step++)
        {
            game.Pass();

            if (game.Phase == phase)
            {
                return game;
            }
        }

        throw new InvalidOperationException($"The game did not reach {phase}; it is in {game.Phase}.");
    }

    public static Game ToDay(this Game game) => game.PassUntil(GamePhase.Day);

    public static Game ToVoting(this Game game) => game.PassUntil(GamePhase.Voting);

    public static Game ToNextNight(this Game game) => game.PassUntil(GamePhase.Night);
}
