using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

public sealed class GamePhaseTests
{
    private static readonly DateTimeOffset Now = GameBuilder.Now;
    private static readonly GameSettings Durations = new(NightSeconds: 45, DaySeconds: 90, VotingSeconds: 30);

    [Fact]
    public void A_game_starts_at_night_of_day_one_with_the_night_deadline()
    {
        var game = GameBuilder.New(5).WithSettings(Durations).Build();

        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Equal(1, game.DayCount);
        Assert.Equal(1, game.PhaseNumber);
        Assert.Equal(Now, game.StartedAt);
        Assert.Equal(Now, game.PhaseStartedAt);
        Assert.Equal(Now.AddSeconds(45), game.PhaseDeadline);
        Assert.False(game.IsOver);
        Assert.Null(game.Winner);
        var changed = Assert.Single(game.Events<PhaseChanged>());
        Assert.Equal(new PhaseChanged(GameBuilder.GameId, GamePhase.Night, 1, 1, Now.AddSeconds(45)), changed);
    }

    [Fact]
    public void The_start_announces_every_player_with_the_dealt_role_in_seat_order()
    {
        var game = GameBuilder.New(6).Build();

        var started = Assert.Single(game.Events<GameStarted>());

        Assert.Equal(GameBuilder.GameId, started.GameId);
        Assert.Equal(GameBuilder.LobbyId, started.LobbyId);
        Assert.Equal(game.Players.OrderBy(p => p.Seat).Select(p => (p.AccountId, p.Role)), started.Players);
        Assert.Equal(GameBuilder.SeatsFor(6), started.Players.Select(p => p.AccountId));
        Assert.All(game.Players, p => Assert.True(p.IsAlive));
    }

    [Fact]
    public void Night_gives_way_to_day_then_voting_then_the_night_of_the_next_day()
    {
        var game = GameBuilder.New(5).WithSettings(Durations).Build();
        var nightEnd = Now.AddSeconds(45);
        var dayEnd = nightEnd.AddSeconds(90);
        var votingEnd = dayEnd.AddSeconds(30);

        Assert.True(game.EndPhase(1, nightEnd, GameBuilder.RestartedAt));
        AssertPhase(game, GamePhase.Day, day: 1, number: 2, startedAt: nightEnd, deadline: nightEnd.AddSeconds(90));

        Assert.True(game.EndPhase(2, dayEnd, GameBuilder.RestartedAt));
        AssertPhase(game, GamePhase.Voting, day: 1, number: 3, startedAt: dayEnd, deadline: dayEnd.AddSeconds(30));

        Assert.True(game.EndPhase(3, votingEnd, GameBuilder.RestartedAt));
        AssertPhase(game, GamePhase.Night, day: 2, number: 4, startedAt: votingEnd, deadline: votingEnd.AddSeconds(45));
    }

    [Fact]
    public void Every_phase_change_is_announced_with_its_day_number_and_deadline()
    {
        var game = GameBuilder.New(5).WithSettings(Durations).Build();
        game.ToNextNight();
        game.ToDay();

        var changes = game.Events<PhaseChanged>().Select(c => (c.Phase, c.DayCount, c.PhaseNumber));

        Assert.Equal(
            new[]
            {
                (GamePhase.Night, 1, 1),
                (GamePhase.Day, 1, 2),
                (GamePhase.Voting, 1, 3),
                (GamePhase.Night, 2, 4),
                (GamePhase.Day, 2, 5),
            },
            changes);
        Assert.All(game.Events<PhaseChanged>(), c => Assert.NotNull(c.Deadline));
    }

    [Fact]
    public void The_day_count_grows_only_when_a_night_begins_after_voting()
    {
        var game = GameBuilder.New(5).Build();
        var days = new List<int> { game.DayCount };

        for (var i = 0; i < 6; i++)
        {
            game.Pass();
            days.Add(game.DayCount);
        }

        // night 1, day 1, voting 1, night 2, day 2, voting 2, night 3
        Assert.Equal(new[] { 1, 1, 1, 2, 2, 2, 3 }, days);
        Assert.Equal(GamePhase.Night, game.Phase);
    }

    [Fact]
    public void Ending_a_phase_that_has_already_ended_does_nothing_and_returns_false()
    {
        var game = GameBuilder.New(5).Build();
        Assert.True(game.EndPhase(1, Now.AddSeconds(60), GameBuilder.ServerStartedAt));
        var events = game.DomainEvents.Count;
        var history = game.History.Count;
        var deadline = game.PhaseDeadline;

        var ended = game.EndPhase(1, Now.AddSeconds(61), GameBuilder.ServerStartedAt);

        Assert.False(ended);
        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.Equal(2, game.PhaseNumber);
        Assert.Equal(deadline, game.PhaseDeadline);
        Assert.Equal(events, game.DomainEvents.Count);
        Assert.Equal(history, game.History.Count);
        Assert.Single(game.Events<NightResolved>());
    }

    [Fact]
    public void Ending_a_phase_that_has_not_begun_yet_does_nothing_and_returns_false()
    {
        var game = GameBuilder.New(5).Build();
        var events = game.DomainEvents.Count;

        var ended = game.EndPhase(2, Now.AddSeconds(60), GameBuilder.ServerStartedAt);

        Assert.False(ended);
        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Equal(1, game.PhaseNumber);
        Assert.Equal(events, game.DomainEvents.Count);
    }

    [Fact]
    public void The_deadline_of_a_night_that_ended_early_is_ignored()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.DoctorHeals(game.DoctorId(), game.CitizenIds()[1]);
        game.DetectiveInvestigates(game.DetectiveId(), game.MafiaId());
        Assert.Equal(GamePhase.Day, game.Phase);
        var events = game.DomainEvents.Count;

        var ended = game.EndPhase(1, Now.AddSeconds(60), GameBuilder.ServerStartedAt);

        Assert.False(ended);
        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.Equal(2, game.PhaseNumber);
        Assert.Equal(events, game.DomainEvents.Count);
        Assert.Single(game.Events<NightResolved>());
        Assert.Single(game.Events<PlayerEliminated>());
    }

    [Fact]
    public void A_voting_deadline_fired_twice_resolves_the_voting_once()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var target = game.CitizenIds()[0];
        game.VoteFor(game.MafiaId(), target);
        var voting = game.PhaseNumber;

        Assert.True(game.EndPhase(voting, game.Deadline(), GameBuilder.RestartedAt));
        var nightDeadline = game.PhaseDeadline;
        Assert.False(game.EndPhase(voting, game.Deadline(), GameBuilder.RestartedAt));

        Assert.Single(game.Events<VotingResolved>());
        Assert.Single(game.Events<PlayerEliminated>());
        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Equal(voting + 1, game.PhaseNumber);
        Assert.Equal(nightDeadline, game.PhaseDeadline);
    }

    [Fact]
    public void A_phase_ended_after_the_game_is_over_returns_false()
    {
        var game = GameBuilder.New(5).Build();
        game.ForceEnd(Team.Citizens, Now.AddSeconds(5));

        var ended = game.EndPhase(game.PhaseNumber, Now.AddSeconds(60), GameBuilder.ServerStartedAt);

        Assert.False(ended);
        Assert.Equal(GamePhase.Ended, game.Phase);
    }

    private static void AssertPhase(Game game, GamePhase phase, int day, int number, DateTimeOffset startedAt, DateTimeOffset deadline)
    {
        Assert.Equal(phase, game.Phase);
        Assert.Equal(day, game.DayCount);
        Assert.Equal(number, game.PhaseNumber);
        Assert.Equal(startedAt, game.PhaseStartedAt);
        Assert.Equal(deadline, game.PhaseDeadline);
    }
}
