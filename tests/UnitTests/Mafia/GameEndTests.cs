using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

public sealed class GameEndTests
{
    private static readonly Guid GameId = GameBuilder.GameId;

    [Fact]
    public void Voting_out_the_last_mafia_member_wins_the_game_for_the_citizens()
    {
        var game = CitizensWin();

        Assert.Equal(Team.Citizens, game.Winner);
        Assert.Equal(GamePhase.Ended, game.Phase);
        Assert.True(game.IsOver);
        Assert.Null(game.PhaseDeadline);
        Assert.NotNull(game.EndedAt);
        var ended = Assert.Single(game.Events<GameEnded>());
        Assert.Equal(GameId, ended.GameId);
        Assert.Equal(Team.Citizens, ended.Winner);
        Assert.Equal(GamePhase.Ended, game.Events<PhaseChanged>().Last().Phase);
    }

    [Fact]
    public void The_game_goes_on_while_the_mafia_are_outnumbered()
    {
        // Four players: one mafia. After one kill the mafia are 1 against 2.
        var game = GameBuilder.New(4).Build();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);

        game.DetectiveInvestigates(game.DetectiveId(), game.CitizenIds()[1]);

        Assert.Equal(GamePhase.Day, game.Phase);
        Assert.Null(game.Winner);
        Assert.Empty(game.Events<GameEnded>());
    }

    [Fact]
    public void The_mafia_win_when_they_are_as_many_as_everyone_else()
    {
        var game = MafiaWinByVote();

        Assert.Equal(Team.Mafia, game.Winner);
        Assert.Equal(GamePhase.Ended, game.Phase);
        Assert.Equal(Team.Mafia, Assert.Single(game.Events<GameEnded>()).Winner);
        Assert.Equal(2, game.AlivePlayerIds.Count);
    }

    [Fact]
    public void The_mafia_can_win_at_night_and_no_day_follows()
    {
        // Four players: one citizen voted out on day 1 (1 against 2), the other killed on night 2 (1 against 1).
        var game = GameBuilder.New(4).Build().ToVoting();
        var (first, second) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.VoteFor(game.MafiaId(), first);
        game.VoteFor(game.DetectiveId(), first);
        game.VoteFor(second, first);
        game.VoteFor(first, null);
        Assert.Equal(GamePhase.Night, game.Phase);

        game.MafiaKills(game.MafiaId(), second);
        game.DetectiveInvestigates(game.DetectiveId(), game.MafiaId());

        Assert.Equal(Team.Mafia, game.Winner);
        Assert.Equal(GamePhase.Ended, game.Phase);
        Assert.Equal(2, game.DayCount);
        Assert.Equal(GamePhase.Ended, game.Events<PhaseChanged>().Last().Phase);
        Assert.DoesNotContain(game.Events<PhaseChanged>(), c => c.Phase == GamePhase.Day && c.DayCount == 2);
    }

    [Fact]
    public void A_game_of_four_earns_nothing_and_says_why()
    {
        var game = MafiaWinByVote();

        Assert.Equal(4, game.Rewards.Count);
        Assert.All(game.Rewards, r => Assert.Equal(0, r.Amount));
        Assert.Equal(GameRewardPolicy.TooFewPlayersNote, game.RewardNote);
        Assert.Equal(GameRewardPolicy.TooFewPlayersNote, Assert.Single(game.Events<GameEnded>()).RewardNote);
        Assert.True(Assert.Single(game.Rewards, r => r.AccountId == game.MafiaId()).Won);
    }

    [Fact]
    public void A_game_with_phases_shorter_than_the_defaults_earns_nothing()
    {
        var game = GameBuilder.New(5).WithSettings(GameSettings.Default with { DaySeconds = 30 }).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now);

        Assert.All(game.Rewards, r => Assert.Equal(0, r.Amount));
        Assert.Equal(GameRewardPolicy.ShortPhasesNote, game.RewardNote);
        Assert.Null(GameRewardPolicy.GuardNote(5, GameSettings.Default with { NightSeconds = 600 }));
    }

    [Fact]
    public void A_player_at_the_daily_limit_earns_nothing_from_a_game_that_ends_the_same_utc_day()
    {
        var limited = GameBuilder.FirstPlayerId + 1;
        var game = GameBuilder.New(5).AtDailyRewardLimit(limited).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now.AddMinutes(30));

        Assert.Equal(0, Assert.Single(game.Rewards, r => r.AccountId == limited).Amount);
        Assert.All(game.Rewards.Where(r => r.AccountId != limited), r => Assert.True(r.Amount > 0));
        Assert.Equal(GameRewardPolicy.DailyLimitNote, game.RewardNote);
        Assert.Equal(game.Rewards, Assert.Single(game.Events<GameEnded>()).Rewards);
    }

    [Fact]
    public void A_game_that_ends_on_the_next_utc_day_rewards_a_player_who_was_at_the_limit()
    {
        // Started at 20:00 UTC, ended at 00:00:01 the next day: the new day's count starts at 0.
        var limited = GameBuilder.FirstPlayerId + 1;
        var game = GameBuilder.New(5).AtDailyRewardLimit(limited).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now.AddHours(4).AddSeconds(1));

        Assert.All(game.Rewards, r => Assert.True(r.Amount > 0));
        Assert.Null(game.RewardNote);
    }

    [Fact]
    public void The_table_guards_speak_before_the_daily_limit()
    {
        var game = GameBuilder.New(4).AtDailyRewardLimit(GameBuilder.FirstPlayerId).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now);

        Assert.Equal(GameRewardPolicy.TooFewPlayersNote, game.RewardNote);
    }

    [Fact]
    public void The_winning_citizens_earn_130_alive_and_the_dead_mafia_20()
    {
        var game = CitizensWin();

        Assert.Null(game.RewardNote);
        Assert.Equal(5, game.Rewards.Count);
        Assert.All(game.Rewards.Where(r => r.AccountId != game.MafiaId()), r => Assert.Equal(new GameReward(r.AccountId, 130, true, true), r));
        Assert.Equal(new GameReward(game.MafiaId(), 20, false, false), Assert.Single(game.Rewards, r => r.AccountId == game.MafiaId()));
    }

    [Fact]
    public void The_game_ended_event_carries_the_recorded_rewards()
    {
        var game = MafiaWinByVote();

        var ended = Assert.Single(game.Events<GameEnded>());

        Assert.Equal(game.Rewards, ended.Rewards);
        Assert.Equal(game.Players.Count, ended.Rewards.Count);
    }

    [Fact]
    public void The_reward_policy_matches_the_published_amounts()
    {
        var game = GameBuilder.New(5).Build();
        var mafia = game.Player(game.MafiaId());

        Assert.Equal(new GameReward(mafia.AccountId, 130, true, true), GameRewardPolicy.For(mafia, Team.Mafia));
        Assert.Equal(new GameReward(mafia.AccountId, 50, false, true), GameRewardPolicy.For(mafia, Team.Citizens));
    }

    [Fact]
    public void An_admin_can_end_the_game_with_a_winner()
    {
        var game = GameBuilder.New(5).Build();
        game.MafiaKills(game.MafiaId(), game.CitizenIds()[0]);
        var at = GameBuilder.Now.AddSeconds(20);

        game.ForceEnd(Team.Mafia, at);

        Assert.Equal(Team.Mafia, game.Winner);
        Assert.Equal(GamePhase.Ended, game.Phase);
        Assert.Equal(at, game.EndedAt);
        Assert.Null(game.PhaseDeadline);
        Assert.Empty(game.NightActions);
        Assert.All(game.Players, p => Assert.True(p.IsAlive));
        var ended = Assert.Single(game.Events<GameEnded>());
        Assert.Equal(Team.Mafia, ended.Winner);
        Assert.Equal(game.DealSeed, ended.DealSeed);
        Assert.Equal(130, Assert.Single(ended.Rewards, r => r.AccountId == game.MafiaId()).Amount);
        Assert.All(ended.Rewards.Where(r => r.AccountId != game.MafiaId()), r => Assert.Equal(50, r.Amount));
    }

    [Fact]
    public void The_end_is_recorded_in_the_history_for_everyone()
    {
        var game = GameBuilder.New(5).Build();

        game.ForceEnd(Team.Citizens, GameBuilder.Now.AddSeconds(20));

        var entry = game.History.Last();
        Assert.Equal("game_end", entry.ActionType);
        Assert.Equal("citizens", entry.Result);
        Assert.Equal(ActionVisibility.Public, entry.Visibility);
    }

    [Fact]
    public void A_game_cannot_be_ended_twice()
    {
        var game = GameBuilder.New(5).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now.AddSeconds(20));

        var error = Assert.Throws<DomainException>(() => game.ForceEnd(Team.Mafia, GameBuilder.Now.AddSeconds(30)));

        Assert.Equal("mafia.game.ended", error.Code);
        Assert.Equal(Team.Citizens, game.Winner);
        Assert.Single(game.Events<GameEnded>());
    }

    [Fact]
    public void No_night_action_is_taken_after_the_end()
    {
        var game = GameBuilder.New(5).Build();
        game.ForceEnd(Team.Citizens, GameBuilder.Now.AddSeconds(20));

        var error = Assert.Throws<DomainException>(() => game.SubmitNightAction(game.MafiaId(), NightActionType.Kill, game.CitizenIds()[0], GameBuilder.Now.AddSeconds(21)));

        Assert.Equal("mafia.game.ended", error.Code);
        Assert.Empty(game.NightActions);
    }

    [Fact]
    public void No_vote_is_cast_after_the_end()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        game.ForceEnd(Team.Mafia, GameBuilder.Now.AddMinutes(5));

        var error = Assert.Throws<DomainException>(() => game.CastVote(game.DoctorId(), game.MafiaId(), GameBuilder.Now.AddMinutes(6)));

        Assert.Equal("mafia.game.ended", error.Code);
        Assert.Empty(game.Votes);
    }

    [Fact]
    public void No_phase_ends_after_the_game_is_over()
    {
        var game = MafiaWinByVote();
        var events = game.DomainEvents.Count;

        Assert.False(game.EndPhase(game.PhaseNumber, GameBuilder.Now.AddHours(1), GameBuilder.ServerStartedAt));
        Assert.Equal(events, game.DomainEvents.Count);
        Assert.Equal(GamePhase.Ended, game.Phase);
    }

    /// <summary>Five players; everyone but the mafia votes the mafia out on day 1.</summary>
    private static Game CitizensWin()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var mafia = game.MafiaId();
        foreach (var voter in game.AllIds().Where(id => id != mafia))
        {
            game.VoteFor(voter, mafia);
        }

        game.VoteFor(mafia, game.CitizenIds()[0]);
        return game;
    }

    /// <summary>
    /// Four players (mafia, detective, two citizens): the first citizen is killed on night 1, the
    /// second voted out on day 1, leaving the mafia 1 against 1.
    /// </summary>
    private static Game MafiaWinByVote()
    {
        var game = GameBuilder.New(4).Build();
        var (mafia, detective) = (game.MafiaId(), game.DetectiveId());
        var (killed, votedOut) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.MafiaKills(mafia, killed);
        game.DetectiveInvestigates(detective, votedOut);
        game.ToVoting();
        game.VoteFor(mafia, votedOut);
        game.VoteFor(detective, votedOut);
        game.VoteFor(votedOut, null);
        return game;
    }
}
