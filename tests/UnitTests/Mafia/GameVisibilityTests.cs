using CleanGames.Domain.Mafia.Games;

namespace CleanGames.UnitTests.Mafia;

public sealed class GameVisibilityTests
{
    private static readonly DateTimeOffset Now = GameBuilder.Now;

    [Fact]
    public void Every_player_sees_their_own_role()
    {
        var game = GameBuilder.New(8).Build();

        Assert.All(game.Players, p => Assert.True(game.IsRoleVisible(p.AccountId, p)));
    }

    [Fact]
    public void A_mafia_member_sees_the_other_mafia()
    {
        var game = GameBuilder.New(8).Build();
        var mafia = game.MafiaIds();

        Assert.True(game.IsRoleVisible(mafia[0], game.Player(mafia[1])));
        Assert.True(game.IsRoleVisible(mafia[1], game.Player(mafia[0])));
    }

    [Fact]
    public void A_mafia_member_does_not_see_the_other_roles()
    {
        var game = GameBuilder.New(8).Build();
        var mafia = game.MafiaId();

        Assert.False(game.IsRoleVisible(mafia, game.Player(game.DoctorId())));
        Assert.False(game.IsRoleVisible(mafia, game.Player(game.DetectiveId())));
        Assert.All(game.CitizenIds(), id => Assert.False(game.IsRoleVisible(mafia, game.Player(id))));
    }

    [Fact]
    public void Citizens_doctor_and_detective_see_no_role_but_their_own()
    {
        var game = GameBuilder.New(8).Build();
        var viewers = new[] { game.CitizenIds()[0], game.DoctorId(), game.DetectiveId() };

        foreach (var viewer in viewers)
        {
            Assert.All(
                game.Players.Where(p => p.AccountId != viewer),
                subject => Assert.False(game.IsRoleVisible(viewer, subject), $"{viewer} sees the role of {subject.AccountId}."));
        }
    }

    [Fact]
    public void Someone_outside_the_game_sees_no_role()
    {
        var game = GameBuilder.New(8).Build();

        Assert.All(game.Players, p => Assert.False(game.IsRoleVisible(GameBuilder.Outsider, p)));
        Assert.All(game.Players, p => Assert.False(game.IsRoleVisible(null, p)));
    }

    [Fact]
    public void Every_role_is_visible_to_everyone_once_the_game_has_ended()
    {
        var game = GameBuilder.New(8).Build();

        game.ForceEnd(Team.Citizens, Now.AddSeconds(10));

        var viewers = game.AllIds().Select(id => (long?)id).Append(GameBuilder.Outsider).Append(null).ToList();
        foreach (var viewer in viewers)
        {
            Assert.All(game.Players, subject => Assert.True(game.IsRoleVisible(viewer, subject)));
        }
    }

    [Fact]
    public void Kills_in_the_history_are_visible_to_the_mafia_only()
    {
        var game = NightWithEveryAction();
        var kills = game.History.Where(e => e.ActionType == "kill").ToList();

        Assert.Equal(2, kills.Count);
        foreach (var kill in kills)
        {
            Assert.Equal(ActionVisibility.Mafia, kill.Visibility);
            Assert.All(game.MafiaIds(), m => Assert.True(game.IsVisible(m, kill)));
            Assert.False(game.IsVisible(game.DoctorId(), kill));
            Assert.False(game.IsVisible(game.DetectiveId(), kill));
            Assert.False(game.IsVisible(game.CitizenIds()[1], kill));
            Assert.False(game.IsVisible(GameBuilder.Outsider, kill));
            Assert.False(game.IsVisible(null, kill));
        }
    }

    [Fact]
    public void A_heal_in_the_history_is_visible_to_the_doctor_only()
    {
        var game = NightWithEveryAction();
        var heal = Assert.Single(game.History, e => e.ActionType == "heal");

        Assert.Equal(game.DoctorId(), heal.PlayerId);
        Assert.True(game.IsVisible(game.DoctorId(), heal));
        Assert.All(game.MafiaIds(), m => Assert.False(game.IsVisible(m, heal)));
        Assert.False(game.IsVisible(game.DetectiveId(), heal));
        Assert.False(game.IsVisible(game.CitizenIds()[1], heal));
        Assert.False(game.IsVisible(null, heal));
    }

    [Fact]
    public void An_investigation_in_the_history_is_visible_to_the_detective_only()
    {
        var game = NightWithEveryAction();
        var investigation = Assert.Single(game.History, e => e.ActionType == "investigate");

        Assert.Equal(game.DetectiveId(), investigation.PlayerId);
        Assert.Equal("mafia", investigation.Result);
        Assert.True(game.IsVisible(game.DetectiveId(), investigation));
        Assert.All(game.MafiaIds(), m => Assert.False(game.IsVisible(m, investigation)));
        Assert.False(game.IsVisible(game.DoctorId(), investigation));
        Assert.False(game.IsVisible(game.CitizenIds()[1], investigation));
        Assert.False(game.IsVisible(null, investigation));
    }

    [Fact]
    public void Phase_changes_deaths_and_votes_in_the_history_are_public()
    {
        var game = NightWithEveryAction().ToVoting();
        var accused = game.MafiaIds()[0];
        game.VoteFor(game.CitizenIds()[1], accused);
        game.Skip(game.AlivePlayerIds.Where(id => id != game.CitizenIds()[1]));

        var publicEntries = game.History.Where(e => e.ActionType is "phase_change" or "death" or "vote").ToList();

        Assert.Contains(publicEntries, e => e.ActionType == "phase_change");
        Assert.Equal(2, publicEntries.Count(e => e.ActionType == "death"));
        Assert.Equal(7, publicEntries.Count(e => e.ActionType == "vote"));
        var viewers = game.AllIds().Select(id => (long?)id).Append(GameBuilder.Outsider).Append(null).ToList();
        foreach (var entry in publicEntries)
        {
            Assert.Equal(ActionVisibility.Public, entry.Visibility);
            Assert.All(viewers, viewer => Assert.True(game.IsVisible(viewer, entry)));
        }
    }

    [Fact]
    public void A_death_in_the_history_names_no_actor()
    {
        var game = NightWithEveryAction();

        var death = Assert.Single(game.History, e => e.ActionType == "death");

        Assert.Null(death.PlayerId);
        Assert.Equal(game.CitizenIds()[0], death.TargetId);
        Assert.Equal("killed", death.Result);
    }

    [Fact]
    public void Every_history_entry_is_visible_to_everyone_once_the_game_has_ended()
    {
        var game = NightWithEveryAction();
        var citizen = game.CitizenIds()[1];
        Assert.Contains(game.History, e => !game.IsVisible(citizen, e));

        game.ForceEnd(Team.Citizens, Now.AddMinutes(5));

        Assert.All(game.History, e => Assert.True(game.IsVisible(citizen, e)));
        Assert.All(game.History, e => Assert.True(game.IsVisible(null, e)));
        Assert.All(game.History, e => Assert.True(game.IsVisible(GameBuilder.Outsider, e)));
    }

    [Fact]
    public void At_night_only_living_role_holders_can_act_until_they_have_acted()
    {
        var game = GameBuilder.New(8).Build();
        var mafia = game.MafiaIds();

        Assert.All(mafia, m => Assert.True(game.CanAct(m)));
        Assert.True(game.CanAct(game.DoctorId()));
        Assert.True(game.CanAct(game.DetectiveId()));
        Assert.All(game.CitizenIds(), c => Assert.False(game.CanAct(c)));
        Assert.False(game.CanAct(GameBuilder.Outsider));

        game.MafiaKills(mafia[0], game.CitizenIds()[0]);

        Assert.False(game.CanAct(mafia[0]));
        Assert.True(game.CanAct(mafia[1]));
    }

    [Fact]
    public void Nobody_can_act_by_day()
    {
        var game = GameBuilder.New(8).Build().ToDay();

        Assert.All(game.AllIds(), id => Assert.False(game.CanAct(id)));
    }

    [Fact]
    public void In_voting_every_living_player_can_act_until_they_have_voted()
    {
        var game = GameBuilder.New(8).Build();
        var dead = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaIds()[0], dead);
        game.MafiaKills(game.MafiaIds()[1], dead);
        game.ToVoting();
        var voter = game.DoctorId();

        Assert.All(game.AlivePlayerIds, id => Assert.True(game.CanAct(id)));
        Assert.False(game.CanAct(dead));

        game.VoteFor(voter, null);

        Assert.False(game.CanAct(voter));
        Assert.True(game.CanAct(game.DetectiveId()));
    }

    [Fact]
    public void Nobody_can_act_after_the_end()
    {
        var game = GameBuilder.New(8).Build();

        game.ForceEnd(Team.Mafia, Now.AddSeconds(10));

        Assert.All(game.AllIds(), id => Assert.False(game.CanAct(id)));
    }

    [Theory]
    [InlineData(GamePhase.Day)]
    [InlineData(GamePhase.Voting)]
    public void By_day_and_in_voting_every_living_player_talks_to_everyone(GamePhase phase)
    {
        var game = GameBuilder.New(8).Build().PassUntil(phase);

        Assert.All(game.AllIds(), id => Assert.Equal(ChatAudience.Everyone, game.ChatAudienceFor(id)));
    }

    [Fact]
    public void At_night_the_mafia_talk_to_the_mafia_and_everyone_else_is_silent()
    {
        var game = GameBuilder.New(8).Build();

        Assert.All(game.MafiaIds(), m => Assert.Equal(ChatAudience.Mafia, game.ChatAudienceFor(m)));
        Assert.Null(game.ChatAudienceFor(game.DoctorId()));
        Assert.Null(game.ChatAudienceFor(game.DetectiveId()));
        Assert.All(game.CitizenIds(), c => Assert.Null(game.ChatAudienceFor(c)));
    }

    [Fact]
    public void A_dead_player_cannot_chat_by_day()
    {
        var game = GameBuilder.New(8).Build();
        var dead = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaIds()[0], dead);
        game.MafiaKills(game.MafiaIds()[1], dead);

        game.ToDay();

        Assert.Null(game.ChatAudienceFor(dead));
        Assert.Equal(ChatAudience.Everyone, game.ChatAudienceFor(game.CitizenIds()[1]));
    }

    [Fact]
    public void A_dead_mafia_member_cannot_chat_at_night()
    {
        var game = GameBuilder.New(8).Build().ToVoting();
        var (dead, living) = (game.MafiaIds()[0], game.MafiaIds()[1]);
        foreach (var voter in game.AllIds().Where(id => id != dead))
        {
            game.VoteFor(voter, dead);
        }

        game.VoteFor(dead, null);

        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.False(game.Player(dead).IsAlive);
        Assert.Null(game.ChatAudienceFor(dead));
        Assert.Equal(ChatAudience.Mafia, game.ChatAudienceFor(living));
    }

    [Fact]
    public void Someone_outside_the_game_cannot_chat()
    {
        var game = GameBuilder.New(8).Build();

        Assert.Null(game.ChatAudienceFor(GameBuilder.Outsider));
        game.ToDay();
        Assert.Null(game.ChatAudienceFor(GameBuilder.Outsider));
    }

    [Fact]
    public void After_the_end_everyone_at_the_table_talks_to_everyone()
    {
        var game = GameBuilder.New(8).Build();
        var dead = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaIds()[0], dead);
        game.MafiaKills(game.MafiaIds()[1], dead);
        game.Pass();

        game.ForceEnd(Team.Citizens, Now.AddMinutes(5));

        Assert.All(game.AllIds(), id => Assert.Equal(ChatAudience.Everyone, game.ChatAudienceFor(id)));
        Assert.Null(game.ChatAudienceFor(GameBuilder.Outsider));
    }

    /// <summary>
    /// Eight players; night 1 with every action: both mafia kill the first citizen, the doctor heals
    /// the second, the detective investigates the first mafia member. The night ends early; the
    /// first citizen dies.
    /// </summary>
    private static Game NightWithEveryAction()
    {
        var game = GameBuilder.New(8).Build();
        var mafia = game.MafiaIds();
        var (victim, patient) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.MafiaKills(mafia[0], victim);
        game.MafiaKills(mafia[1], victim);
        game.DoctorHeals(game.DoctorId(), patient);
        game.DetectiveInvestigates(game.DetectiveId(), mafia[0]);
        if (game.Phase != GamePhase.Day || game.Player(victim).IsAlive)
        {
            throw new InvalidOperationException("The night with every action did not end as expected.");
        }

        return game;
    }
}
