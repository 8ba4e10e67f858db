using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

public sealed class GameNightTests
{
    private static readonly Guid GameId = GameBuilder.GameId;

    [Fact]
    public void The_target_chosen_by_most_of_the_mafia_dies()
    {
        // Twelve players: three mafia. Two choose one citizen, the third another.
        var game = GameBuilder.New(12).Build();
        var mafia = game.MafiaIds();
        var (chosen, other) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.MafiaKills(mafia[0], other);
        game.MafiaKills(mafia[1], chosen);
        game.MafiaKills(mafia[2], chosen);

        game.Pass();

        Assert.Equal(new NightResolved(GameId, chosen, false), Assert.Single(game.Events<NightResolved>()));
        Assert.False(game.Player(chosen).IsAlive);
        Assert.True(game.Player(other).IsAlive);
    }

    [Fact]
    public void A_tie_between_the_mafia_kills_nobody()
    {
        // Eight players: two mafia, each choosing someone else.
        var game = GameBuilder.New(8).Build();
        var mafia = game.MafiaIds();
        game.MafiaKills(mafia[0], game.CitizenIds()[0]);
        game.MafiaKills(mafia[1], game.CitizenIds()[1]);

        game.Pass();

        Assert.Equal(new NightResolved(GameId, null, false), Assert.Single(game.Events<NightResolved>()));
        Assert.Empty(game.Events<PlayerEliminated>());
        Assert.All(game.Players, p => Assert.True(p.IsAlive));
        Assert.Equal(GamePhase.Day, game.Phase);
    }

    [Fact]
    public void The_victim_is_eliminated_as_killed()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);

        game.Pass();

        Assert.Equal(new NightResolved(GameId, victim, false), Assert.Single(game.Events<NightResolved>()));
        Assert.Equal(new PlayerEliminated(GameId, victim, DeathReason.Killed), Assert.Single(game.Events<PlayerEliminated>()));
        var dead = game.Player(victim);
        Assert.False(dead.IsAlive);
        Assert.Equal(DeathReason.Killed, dead.DeathReason);
        Assert.Equal(1, dead.DiedOnDay);
        Assert.DoesNotContain(victim, game.AlivePlayerIds);
    }

    [Fact]
    public void A_heal_on_the_victim_saves_them()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.DoctorHeals(game.DoctorId(), victim);

        game.Pass();

        Assert.Equal(new NightResolved(GameId, null, true), Assert.Single(game.Events<NightResolved>()));
        Assert.Empty(game.Events<PlayerEliminated>());
        Assert.True(game.Player(victim).IsAlive);
    }

    [Fact]
    public void A_heal_on_someone_else_does_not_save_the_victim()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.DoctorHeals(game.DoctorId(), game.CitizenIds()[1]);

        game.Pass();

        Assert.Equal(new NightResolved(GameId, victim, false), Assert.Single(game.Events<NightResolved>()));
        Assert.False(game.Player(victim).IsAlive);
    }

    [Fact]
    public void The_doctor_cannot_heal_the_same_player_two_nights_running()
    {
        var game = GameBuilder.New(5).Build();
        var patient = game.CitizenIds()[0];
        game.DoctorHeals(game.DoctorId(), patient);
        game.Pass();
        game.ToNextNight();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[1]);
        var before = game.NightActions.ToList();

        var error = Assert.Throws<DomainException>(() => game.DoctorHeals(game.DoctorId(), patient));

        Assert.Equal("mafia.heal.repeated", error.Code);
        Assert.Equal(before, game.NightActions);
        Assert.Equal(2, game.DayCount);
    }

    [Fact]
    public void The_doctor_may_heal_a_player_again_after_a_night_of_healing_someone_else()
    {
        var game = GameBuilder.New(5).Build();
        var (patient, other) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.DoctorHeals(game.DoctorId(), patient);
        game.Pass();
        game.ToNextNight();
        game.DoctorHeals(game.DoctorId(), other);
        game.Pass();
        game.ToNextNight();

        game.DoctorHeals(game.DoctorId(), patient);

        Assert.Equal(new NightAction(game.PhaseNumber, game.DoctorId(), NightActionType.Heal, patient), Assert.Single(game.NightActions));
        Assert.Equal(3, game.DayCount);
    }

    [Fact]
    public void The_doctor_may_heal_a_player_again_after_a_night_without_healing()
    {
        var game = GameBuilder.New(5).Build();
        var patient = game.CitizenIds()[0];
        game.DoctorHeals(game.DoctorId(), patient);
        game.Pass();
        game.ToNextNight();
        game.Pass();
        game.ToNextNight();

        game.DoctorHeals(game.DoctorId(), patient);

        Assert.Equal(new NightAction(game.PhaseNumber, game.DoctorId(), NightActionType.Heal, patient), Assert.Single(game.NightActions));
        Assert.Equal(3, game.DayCount);
    }

    [Fact]
    public void The_detective_learns_that_a_mafia_member_is_mafia_when_the_night_ends()
    {
        var game = GameBuilder.New(5).Build();
        game.DetectiveInvestigates(game.DetectiveId(), game.MafiaId());
        Assert.Empty(game.Events<PlayerInvestigated>());

        game.Pass();

        Assert.Equal(new PlayerInvestigated(GameId, game.DetectiveId(), game.MafiaId(), true), Assert.Single(game.Events<PlayerInvestigated>()));
    }

    [Fact]
    public void The_detective_learns_that_a_citizen_is_not_mafia()
    {
        var game = GameBuilder.New(5).Build();
        var suspect = game.CitizenIds()[1];
        game.DetectiveInvestigates(game.DetectiveId(), suspect);

        game.Pass();

        Assert.Equal(new PlayerInvestigated(GameId, game.DetectiveId(), suspect, false), Assert.Single(game.Events<PlayerInvestigated>()));
    }

    [Fact]
    public void The_detective_learns_that_the_doctor_is_not_mafia()
    {
        var game = GameBuilder.New(5).Build();
        game.DetectiveInvestigates(game.DetectiveId(), game.DoctorId());

        game.Pass();

        Assert.False(Assert.Single(game.Events<PlayerInvestigated>()).IsMafia);
    }

    [Theory]
    [InlineData(Role.Citizen, NightActionType.Kill)]
    [InlineData(Role.Citizen, NightActionType.Heal)]
    [InlineData(Role.Citizen, NightActionType.Investigate)]
    [InlineData(Role.Doctor, NightActionType.Kill)]
    [InlineData(Role.Doctor, NightActionType.Investigate)]
    [InlineData(Role.Detective, NightActionType.Kill)]
    [InlineData(Role.Detective, NightActionType.Heal)]
    [InlineData(Role.Mafia, NightActionType.Heal)]
    [InlineData(Role.Mafia, NightActionType.Investigate)]
    public void An_action_of_another_role_is_refused_and_records_nothing(Role role, NightActionType action)
    {
        var game = GameBuilder.New(5).Build();
        var actor = game.IdsOf(role)[0];
        var target = game.AllIds().First(id => id != actor);
        if (RoleRules.NightActionOf(role) is { } own)
        {
            // The actor's own valid choice must survive the refused one.
            game.Act(actor, own, target);
        }

        var before = game.NightActions.ToList();

        var error = Assert.Throws<DomainException>(() => game.Act(actor, action, target));

        Assert.Equal("mafia.action.wrong_role", error.Code);
        Assert.Equal(before, game.NightActions);
    }

    [Theory]
    [InlineData(GamePhase.Day)]
    [InlineData(GamePhase.Voting)]
    public void A_night_action_outside_the_night_is_refused_and_records_nothing(GamePhase phase)
    {
        var game = GameBuilder.New(5).Build().PassUntil(phase);
        var history = game.History.Count;

        var error = Assert.Throws<DomainException>(() => game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]));

        Assert.Equal("mafia.action.wrong_phase", error.Code);
        Assert.Empty(game.NightActions);
        Assert.Equal(history, game.History.Count);
        Assert.Equal(phase, game.Phase);
    }

    [Fact]
    public void A_dead_player_cannot_act_at_night()
    {
        var game = GameBuilder.New(5).Build();
        var detective = game.DetectiveId();
        game.MafiaKills(game.MafiaId(), detective);
        game.Pass();
        game.ToNextNight();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);
        var before = game.NightActions.ToList();

        var error = Assert.Throws<DomainException>(() => game.DetectiveInvestigates(detective, game.MafiaId()));

        Assert.Equal("mafia.player.dead", error.Code);
        Assert.Equal(before, game.NightActions);
    }

    [Fact]
    public void A_dead_player_cannot_be_targeted_and_the_earlier_choice_stands()
    {
        var game = GameBuilder.New(5).Build();
        var dead = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), dead);
        game.Pass();
        game.ToNextNight();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[1]);
        var before = game.NightActions.ToList();

        var error = Assert.Throws<DomainException>(() => game.MafiaKills(game.MafiaId(), dead));

        Assert.Equal("mafia.target.dead", error.Code);
        Assert.Equal(before, game.NightActions);
    }

    [Fact]
    public void Someone_outside_the_game_cannot_act()
    {
        var game = GameBuilder.New(5).Build();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);
        var before = game.NightActions.ToList();

        var error = Assert.Throws<DomainException>(() => game.MafiaKills(GameBuilder.Outsider, game.CitizenIds()[1]));

        Assert.Equal("mafia.game.not_a_player", error.Code);
        Assert.Equal(before, game.NightActions);
    }

    [Fact]
    public void A_target_outside_the_game_is_refused()
    {
        var game = GameBuilder.New(5).Build();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);
        var before = game.NightActions.ToList();

        var error = Assert.Throws<DomainException>(() => game.MafiaKills(game.MafiaId(), GameBuilder.Outsider));

        Assert.Equal("mafia.target.unknown", error.Code);
        Assert.Equal(before, game.NightActions);
    }

    [Fact]
    public void A_night_action_can_be_changed_and_only_the_last_choice_counts()
    {
        var game = GameBuilder.New(5).Build();
        var (first, second) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.MafiaKills(game.MafiaId(), first);

        game.MafiaKills(game.MafiaId(), second);

        Assert.Equal(new NightAction(1, game.MafiaId(), NightActionType.Kill, second), Assert.Single(game.NightActions));
        game.Pass();
        Assert.False(game.Player(second).IsAlive);
        Assert.True(game.Player(first).IsAlive);
    }

    [Fact]
    public void The_night_ends_as_soon_as_every_living_role_holder_has_acted()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.DoctorHeals(game.DoctorId(), game.CitizenIds()[1]);
        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Empty(game.Events<NightResolved>());
        var lastActionAt = game.During();

        game.DetectiveInvestigates(game.DetectiveId(), game.MafiaId());

        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.Equal(2, game.PhaseNumber);
        Assert.Equal(lastActionAt, game.PhaseStartedAt);
        Assert.Equal(new NightResolved(GameId, victim, false), Assert.Single(game.Events<NightResolved>()));
        Assert.False(game.Player(victim).IsAlive);
    }

    [Fact]
    public void The_night_waits_for_every_mafia_member()
    {
        var game = GameBuilder.New(8).Build();
        var mafia = game.MafiaIds();
        game.MafiaKills(mafia[0], game.CitizenIds()[0]);
        game.DoctorHeals(game.DoctorId(), game.CitizenIds()[1]);
        game.DetectiveInvestigates(game.DetectiveId(), mafia[1]);
        Assert.Equal(GamePhase.Night, game.Phase);

        game.MafiaKills(mafia[1], game.CitizenIds()[0]);

        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.False(game.Player(game.CitizenIds()[0]).IsAlive);
    }

    [Fact]
    public void A_dead_role_holder_does_not_hold_the_night_open()
    {
        var game = GameBuilder.New(5).Build();
        game.MafiaKills(game.MafiaId(), game.DetectiveId());
        game.Pass();
        game.ToNextNight();

        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);
        game.DoctorHeals(game.DoctorId(), game.CitizenIds()[0]);

        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.Equal(new NightResolved(GameId, null, true), game.Events<NightResolved>().Last());
    }
}
