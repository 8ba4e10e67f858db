using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

/// <summary>
/// The AFK rule: a living player who lets two phases in a row pass without the vote or night action
/// they could have made is eliminated as idle; a phase whose deadline fired late, or that spanned a
/// server restart, never counts.
/// </summary>
public sealed class IdleRuleTests
{
    private static readonly Guid GameId = GameBuilder.GameId;

    [Fact]
    public void A_citizen_who_does_not_vote_in_two_votings_is_eliminated_as_idle()
    {
        var game = GameBuilder.New(5).Build();
        var idle = game.CitizenIds()[0];
        var others = game.AllIds().Where(id => id != idle).ToList();

        MissVoting(game, others);

        Assert.True(game.Player(idle).IsAlive);
        Assert.Equal(1, game.Player(idle).MissedTurns);
        Assert.Empty(game.Events<PlayerEliminated>());

        MissVoting(game, others);

        var player = game.Player(idle);
        Assert.False(player.IsAlive);
        Assert.Equal(DeathReason.Idle, player.DeathReason);
        Assert.Equal(new PlayerEliminated(GameId, idle, DeathReason.Idle), Assert.Single(game.Events<PlayerEliminated>()));
        Assert.All(others, id => Assert.True(game.Player(id).IsAlive));
        Assert.Equal(GamePhase.Night, game.Phase);
    }

    [Fact]
    public void The_night_does_not_count_against_players_without_a_night_action()
    {
        var game = GameBuilder.New(5).Build();

        game.EndOnTime();

        Assert.All(game.CitizenIds(), id => Assert.Equal(0, game.Player(id).MissedTurns));
        Assert.Equal(1, game.Player(game.MafiaId()).MissedTurns);
        Assert.Equal(1, game.Player(game.DoctorId()).MissedTurns);
        Assert.Equal(1, game.Player(game.DetectiveId()).MissedTurns);
        Assert.All(game.Players, p => Assert.True(p.IsAlive));
    }

    [Fact]
    public void A_mafia_member_who_neither_kills_at_night_nor_votes_after_it_is_eliminated_as_idle()
    {
        // Eight players: the other mafia member kills, the doctor saves the target, the detective investigates.
        var game = GameBuilder.New(8).Build();
        var (idle, active) = (game.MafiaIds()[0], game.MafiaIds()[1]);
        var target = game.CitizenIds()[0];
        game.MafiaKills(active, target);
        game.DoctorHeals(game.DoctorId(), target);
        game.DetectiveInvestigates(game.DetectiveId(), active);
        Assert.Equal(GamePhase.Night, game.Phase);

        game.EndOnTime();

        Assert.Equal(1, game.Player(idle).MissedTurns);
        Assert.Equal(0, game.Player(active).MissedTurns);
        Assert.True(game.Player(idle).IsAlive);

        game.ToVoting();
        game.Skip(game.AllIds().Where(id => id != idle));
        game.EndOnTime();

        Assert.Equal(new PlayerEliminated(GameId, idle, DeathReason.Idle), Assert.Single(game.Events<PlayerEliminated>()));
        Assert.Equal(DeathReason.Idle, game.Player(idle).DeathReason);
        Assert.True(game.Player(active).IsAlive);
        Assert.Equal(GamePhase.Night, game.Phase);
    }

    [Fact]
    public void An_idle_elimination_can_end_the_game()
    {
        // Five players: the only mafia member neither kills nor votes.
        var game = GameBuilder.New(5).Build();
        var idle = game.MafiaId();
        game.DoctorHeals(game.DoctorId(), game.CitizenIds()[0]);
        game.DetectiveInvestigates(game.DetectiveId(), idle);
        game.EndOnTime();
        game.ToVoting();
        game.Skip(game.AllIds().Where(id => id != idle));

        game.EndOnTime();

        Assert.Equal(DeathReason.Idle, game.Player(idle).DeathReason);
        Assert.Equal(Team.Citizens, game.Winner);
        Assert.Equal(Team.Citizens, Assert.Single(game.Events<GameEnded>()).Winner);
    }

    [Fact]
    public void Acting_resets_the_count_of_missed_phases()
    {
        var game = GameBuilder.New(5).Build();
        var idle = game.CitizenIds()[0];
        var others = game.AllIds().Where(id => id != idle).ToList();
        MissVoting(game, others);
        Assert.Equal(1, game.Player(idle).MissedTurns);

        game.ToVoting();
        game.Skip(game.AllIds());
        Assert.Equal(0, game.Player(idle).MissedTurns);

        MissVoting(game, others);

        Assert.True(game.Player(idle).IsAlive);
        Assert.Equal(1, game.Player(idle).MissedTurns);
        Assert.Empty(game.Events<PlayerEliminated>());
    }

    [Theory]
    [InlineData(1000, 2)]
    [InlineData(1001, 1)]
    [InlineData(3000, 1)]
    public void A_phase_whose_deadline_fired_more_than_a_second_late_does_not_count(int lateMilliseconds, int missedTurns)
    {
        var game = GameBuilder.New(5).Build();
        var idle = game.CitizenIds()[0];
        var others = game.AllIds().Where(id => id != idle).ToList();
        game.ToVoting();
        game.Skip(others);
        game.EndOnTime();
        game.PassUntil(GamePhase.Voting);
        game.Skip(others);

        var ended = game.EndPhase(game.PhaseNumber, game.Deadline() + TimeSpan.FromMilliseconds(lateMilliseconds), GameBuilder.ServerStartedAt);

        Assert.True(ended);
        // One missed voting so far; the second counts only if its deadline fired at most a second late.
        Assert.Equal(missedTurns == 2, !game.Player(idle).IsAlive);
        Assert.Equal(missedTurns, game.Player(idle).MissedTurns);
    }

    [Fact]
    public void A_phase_that_spanned_a_restart_does_not_count_even_when_its_deadline_is_on_time()
    {
        var game = GameBuilder.New(5).Build();
        var idle = game.CitizenIds()[0];
        var others = game.AllIds().Where(id => id != idle).ToList();
        MissVoting(game, others);
        game.ToVoting();
        game.Skip(others);
        // The server ending the voting started after the voting began.
        var restartedAt = game.PhaseStartedAt.AddSeconds(1);

        var ended = game.EndPhase(game.PhaseNumber, game.Deadline(), restartedAt);

        Assert.True(ended);
        Assert.True(game.Player(idle).IsAlive);
        Assert.Equal(1, game.Player(idle).MissedTurns);
        Assert.Empty(game.Events<PlayerEliminated>());
    }

    [Fact]
    public void A_phase_begun_after_the_server_started_counts_whichever_instance_began_it()
    {
        var game = GameBuilder.New(5).Build();
        var idle = game.CitizenIds()[0];
        // A server (re)started during the first night: that night spanned its start, the phases after it did not.
        var startedAt = game.PhaseStartedAt.AddSeconds(1);
        game.EndPhase(game.PhaseNumber, game.Deadline(), startedAt);
        game.EndPhase(game.PhaseNumber, game.Deadline(), startedAt);
        Assert.Equal(GamePhase.Voting, game.Phase);
        game.Skip(game.AllIds().Where(id => id != idle));

        game.EndPhase(game.PhaseNumber, game.Deadline(), startedAt);

        Assert.Equal(1, game.Player(idle).MissedTurns);
    }

    /// <summary>
    /// Passes to the next voting without counting anyone idle, lets <paramref name="voters"/> skip,
    /// and ends the voting on time, so whoever else did not vote misses a turn.
    /// </summary>
    private static void MissVoting(Game game, IReadOnlyList<long> voters)
    {
        game.ToVoting();
        game.Skip(voters.Where(id => game.Player(id).IsAlive));
        game.EndOnTime();
    }
}
