using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.UnitTests.Mafia;

public sealed class GameSettingsTests
{
    /// <summary>Players, then the expected mafia, detectives, doctors and citizens of the default distribution.</summary>
    public static TheoryData<int, int, int, int, int> DefaultDistribution => new()
    {
        { 4, 1, 1, 0, 2 },
        { 5, 1, 1, 1, 2 },
        { 6, 1, 1, 1, 3 },
        { 7, 1, 1, 1, 4 },
        { 8, 2, 1, 1, 4 },
        { 9, 2, 1, 1, 5 },
        { 10, 2, 1, 1, 6 },
        { 11, 2, 1, 1, 7 },
        { 12, 3, 1, 1, 7 },
        { 13, 3, 1, 1, 8 },
        { 14, 3, 1, 1, 9 },
        { 15, 3, 1, 1, 10 },
        { 16, 4, 1, 1, 10 },
        { 17, 4, 1, 1, 11 },
        { 18, 4, 1, 1, 12 },
        { 19, 4, 1, 1, 13 },
        { 20, 5, 1, 1, 13 },
    };

    [Theory]
    [MemberData(nameof(DefaultDistribution))]
    public void The_default_roles_are_a_quarter_mafia_one_detective_a_doctor_from_five_players_and_citizens_for_the_rest(
        int players, int mafia, int detectives, int doctors, int citizens)
    {
        var roles = GameSettings.Default.RolesFor(players);

        Assert.Equal(Canonical(mafia, detectives, doctors, citizens), roles);
    }

    [Theory]
    [MemberData(nameof(DefaultDistribution))]
    public void A_started_game_deals_the_default_roles_to_its_players(int players, int mafia, int detectives, int doctors, int citizens)
    {
        var game = GameBuilder.New(players).Build();

        Assert.Equal(GameBuilder.SeatsFor(players), game.AllIds());
        Assert.Equal(mafia, game.IdsOf(Role.Mafia).Count);
        Assert.Equal(detectives, game.IdsOf(Role.Detective).Count);
        Assert.Equal(doctors, game.IdsOf(Role.Doctor).Count);
        Assert.Equal(citizens, game.IdsOf(Role.Citizen).Count);
    }

    [Fact]
    public void Mafia_count_overrides_the_default_number_of_mafia()
    {
        var roles = new GameSettings(MafiaCount: 3).RolesFor(10);

        Assert.Equal(Canonical(mafia: 3, detectives: 1, doctors: 1, citizens: 5), roles);
    }

    [Fact]
    public void With_doctor_false_leaves_the_doctor_out()
    {
        var roles = new GameSettings(WithDoctor: false).RolesFor(8);

        Assert.Equal(Canonical(mafia: 2, detectives: 1, doctors: 0, citizens: 5), roles);
    }

    [Fact]
    public void With_doctor_true_brings_a_doctor_to_a_table_of_four()
    {
        var roles = new GameSettings(WithDoctor: true).RolesFor(4);

        Assert.Equal(Canonical(mafia: 1, detectives: 1, doctors: 1, citizens: 1), roles);
    }

    [Fact]
    public void With_detective_false_leaves_the_detective_out()
    {
        var roles = new GameSettings(WithDetective: false).RolesFor(6);

        Assert.Equal(Canonical(mafia: 1, detectives: 0, doctors: 1, citizens: 4), roles);
    }

    [Fact]
    public void The_overrides_apply_to_a_started_game()
    {
        var game = GameBuilder.New(9).WithSettings(new GameSettings(MafiaCount: 3, WithDoctor: false, WithDetective: false)).Build();

        Assert.Equal(3, game.MafiaIds().Count);
        Assert.Empty(game.IdsOf(Role.Doctor));
        Assert.Empty(game.IdsOf(Role.Detective));
        Assert.Equal(6, game.CitizenIds().Count);
    }

    [Theory]
    [InlineData(4, 1)]
    [InlineData(5, 2)]
    [InlineData(6, 2)]
    [InlineData(7, 3)]
    [InlineData(8, 3)]
    [InlineData(9, 4)]
    [InlineData(12, 5)]
    [InlineData(19, 9)]
    [InlineData(20, 9)]
    public void A_mafia_count_too_big_for_the_table_is_cut_so_the_mafia_start_outnumbered(int players, int expectedMafia)
    {
        // Nine mafia is valid for a lobby of 20 (9 × 2 < 20), but the table may fill with fewer.
        var roles = new GameSettings(MafiaCount: 9).RolesFor(players);

        var mafia = roles.Count(r => r == Role.Mafia);
        Assert.Equal(expectedMafia, mafia);
        Assert.True(mafia * 2 < players, $"{mafia} mafia at a table of {players} are not outnumbered.");
        Assert.Equal(players, roles.Count);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(21)]
    public void Roles_are_dealt_only_for_4_to_20_players(int players)
    {
        var error = Assert.Throws<DomainException>(() => GameSettings.Default.RolesFor(players));

        Assert.Equal("mafia.settings.player_count", error.Code);
    }

    [Fact]
    public void A_game_of_three_cannot_start()
    {
        var error = Assert.Throws<DomainException>(() => GameBuilder.New(3).Build());

        Assert.Equal("mafia.settings.player_count", error.Code);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(21)]
    [InlineData(100)]
    public void Settings_for_fewer_than_4_or_more_than_20_players_are_invalid(int maxPlayers)
    {
        var error = Assert.Throws<DomainException>(() => GameSettings.Default.Validate(maxPlayers));

        Assert.Equal("mafia.settings.player_count", error.Code);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(20)]
    public void Settings_for_4_and_for_20_players_are_valid(int maxPlayers)
    {
        var error = Record.Exception(() => GameSettings.Default.Validate(maxPlayers));

        Assert.Null(error);
    }

    [Theory]
    [InlineData(0, 120, 60)]
    [InlineData(601, 120, 60)]
    [InlineData(60, 0, 60)]
    [InlineData(60, 601, 60)]
    [InlineData(60, 120, 0)]
    [InlineData(60, 120, 601)]
    [InlineData(-5, 120, 60)]
    public void A_phase_shorter_than_1_or_longer_than_600_seconds_is_invalid(int night, int day, int voting)
    {
        var settings = new GameSettings(NightSeconds: night, DaySeconds: day, VotingSeconds: voting);

        var error = Assert.Throws<DomainException>(() => settings.Validate(10));

        Assert.Equal("mafia.settings.phase_seconds", error.Code);
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(600, 600, 600)]
    [InlineData(60, 120, 60)]
    public void Phases_of_1_to_600_seconds_are_valid(int night, int day, int voting)
    {
        var settings = new GameSettings(NightSeconds: night, DaySeconds: day, VotingSeconds: voting);

        var error = Record.Exception(() => settings.Validate(10));

        Assert.Null(error);
    }

    [Theory]
    [InlineData(0, 10)]
    [InlineData(-1, 10)]
    [InlineData(5, 10)]
    [InlineData(2, 4)]
    [InlineData(10, 20)]
    public void A_mafia_count_below_one_or_not_fewer_than_half_the_players_is_invalid(int mafiaCount, int maxPlayers)
    {
        var settings = new GameSettings(MafiaCount: mafiaCount);

        var error = Assert.Throws<DomainException>(() => settings.Validate(maxPlayers));

        Assert.Equal("mafia.settings.mafia_count", error.Code);
    }

    [Theory]
    [InlineData(1, 4)]
    [InlineData(4, 10)]
    [InlineData(9, 20)]
    public void A_mafia_count_from_one_to_just_under_half_the_players_is_valid(int mafiaCount, int maxPlayers)
    {
        var settings = new GameSettings(MafiaCount: mafiaCount);

        var error = Record.Exception(() => settings.Validate(maxPlayers));

        Assert.Null(error);
    }

    [Fact]
    public void Each_phase_lasts_its_own_setting()
    {
        var settings = new GameSettings(NightSeconds: 45, DaySeconds: 90, VotingSeconds: 30);

        Assert.Equal(TimeSpan.FromSeconds(45), settings.DurationOf(GamePhase.Night));
        Assert.Equal(TimeSpan.FromSeconds(90), settings.DurationOf(GamePhase.Day));
        Assert.Equal(TimeSpan.FromSeconds(30), settings.DurationOf(GamePhase.Voting));
    }

    private static Role[] Canonical(int mafia, int detectives, int doctors, int citizens) =>
    [
        .. Enumerable.Repeat(Role.Mafia, mafia),
        .. Enumerable.Repeat(Role.Detective, detectives),
        .. Enumerable.Repeat(Role.Doctor, doctors),
        .. Enumerable.Repeat(Role.Citizen, citizens),
    ];
}
