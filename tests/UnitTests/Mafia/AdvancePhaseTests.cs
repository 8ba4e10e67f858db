using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

/// <summary>An admin's <c>advance_phase</c>: the game itself refuses an ended game, no handler has to check.</summary>
public sealed class AdvancePhaseTests
{
    [Fact]
    public void Advancing_ends_the_current_phase_now_as_at_its_deadline()
    {
        var game = GameBuilder.New(5).Build();
        var at = game.During();

        game.AdvancePhase(at, GameBuilder.ServerStartedAt);

        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.Equal(2, game.PhaseNumber);
        Assert.Equal(at, game.PhaseStartedAt);
        Assert.Equal(GamePhase.Day, game.Events<PhaseChanged>().Last().Phase);
    }

    [Fact]
    public void Advancing_an_ended_game_is_refused_and_changes_nothing()
    {
        var game = GameBuilder.New(5).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now.AddSeconds(5));
        var history = game.History.Count;

        var error = Assert.Throws<DomainException>(() => game.AdvancePhase(GameBuilder.Now.AddSeconds(10), GameBuilder.ServerStartedAt));

        Assert.Equal("mafia.game.ended", error.Code);
        Assert.Equal("The game has ended.", error.Message);
        Assert.Equal(GamePhase.Ended, game.Phase);
        Assert.Equal(history, game.History.Count);
    }

    [Fact]
    public void An_advanced_night_counts_for_the_afk_rule_like_an_on_time_deadline()
    {
        var game = GameBuilder.New(5).Build();

        game.AdvancePhase(game.During(), GameBuilder.ServerStartedAt);

        Assert.All(game.Players.Where(p => p.Role != Role.Citizen), p => Assert.Equal(1, p.MissedTurns));
        Assert.All(game.Players.Where(p => p.Role == Role.Citizen), p => Assert.Equal(0, p.MissedTurns));
    }
}
