using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>
/// Seed <c>GameStateResponse</c> as the viewer may see it, plus the provably fair deal
/// (<c>deal_commitment</c> from the start, <c>deal_seed</c> once ended), the <c>winner</c>, and the
/// server's times of the phase (<c>phase_started_at</c>, <c>phase_ends_at</c>; null once ended) and
/// <c>server_time</c> (when this state was produced), so a client can run an exact countdown.
/// </summary>
public sealed record GameStateView(
    string GameId,
    string Phase,
    int DayCount,
    IReadOnlyList<string> AlivePlayers,
    string? MyRole,
    bool CanAct,
    int? TimeRemaining,
    IReadOnlyList<string>? MafiaPlayers,
    string DealCommitment,
    string? DealSeed,
    string? Winner,
    string PhaseStartedAt,
    string? PhaseEndsAt,
    string ServerTime);

/// <summary>Seed <c>PlayerInfo</c>: <c>role</c> only where the viewer may see it.</summary>
public sealed record PlayerInfoView(string UserId, bool Alive, string? DeathReason, string? Role);

/// <summary>
/// Seed <c>GameAction</c>; <c>player_id</c> is <see cref="GameViews.SystemActor"/> for entries
/// without an actor (phase changes, deaths, the end).
/// </summary>
public sealed record GameActionView(int Day, string Phase, string PlayerId, string ActionType, string? TargetId, string? Result, string Timestamp);

public static class GameViews
{
    /// <summary>
    /// The <c>player_id</c> of history entries no player caused. The seed types it a required
    /// <c>str</c>, and typed clients refuse a null there; no account id can be this word.
    /// </summary>
    public const string SystemActor = "system";

    public static GameStateView State(Game game, long? viewerId, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(game);
        var viewer = viewerId is { } id ? game.FindPlayer(id) : null;
        var isMafia = viewer?.Role == Role.Mafia;
        return new GameStateView(
            MafiaIds.Of(game.Id),
            Name(game.Phase),
            game.DayCount,
            game.AlivePlayerIds.Select(MafiaIds.Of).ToArray(),
            viewer is null ? null : Name(viewer.Role),
            viewer is not null && game.CanAct(viewer.AccountId),
            game.PhaseDeadline is { } deadline ? (int)Math.Max(0, Math.Ceiling((deadline - now).TotalSeconds)) : null,
            isMafia ? game.Players.Where(p => p.Role == Role.Mafia).Select(p => MafiaIds.Of(p.AccountId)).ToArray() : null,
            game.DealCommitment,
            game.IsOver ? game.DealSeed : null,
            game.Winner is { } winner ? Name(winner) : null,
            Timestamp(game.PhaseStartedAt),
            game.IsOver || game.PhaseDeadline is null ? null : Timestamp(game.PhaseDeadline.Value),
            Timestamp(now));
    }

    /// <param name="visibleRole">The role if the viewer may see it (<see cref="GameVisibility"/>), else null.</param>
    public static PlayerInfoView Player(long accountId, bool alive, DeathReason? deathReason, Role? visibleRole) => new(
        MafiaIds.Of(accountId),
        alive,
        deathReason is { } reason ? Name(reason) : null,
        visibleRole is { } role ? Name(role) : null);

    public static GameActionView Action(GameActionEntry entry) => new(
        entry.Day,
        Name(entry.Phase),
        entry.PlayerId is { } player ? MafiaIds.Of(player) : SystemActor,
        entry.ActionType,
        entry.TargetId is { } target ? MafiaIds.Of(target) : null,
        entry.Result,
        Timestamp(entry.Timestamp));

    public static string Timestamp(DateTimeOffset value) => value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    public static string Name(GamePhase phase) => GameNames.Of(phase);

    public static string Name(Role role) => GameNames.Of(role);

    public static string Name(Team team) => GameNames.Of(team);

    public static string Name(DeathReason reason) => GameNames.Of(reason);

    public static Role? ParseRole(string? role) => GameNames.ParseRole(role);

    public static NightActionType? ParseAction(string? action) => GameNames.ParseAction(action);
}
