using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;

namespace CleanGames.UnitTests.Mafia;

public sealed class GameVotingTests
{
    private static readonly Guid GameId = GameBuilder.GameId;

    [Fact]
    public void Voting_opens_with_every_living_player_as_an_eligible_target()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);

        game.ToVoting();

        var started = Assert.Single(game.Events<VotingStarted>());
        Assert.Equal(GameId, started.GameId);
        Assert.Equal(game.PhaseNumber, started.PhaseNumber);
        Assert.Equal(GameBuilder.SeatsFor(5).Where(id => id != victim), started.EligibleTargets);
    }

    [Fact]
    public void The_day_does_not_open_voting()
    {
        var game = GameBuilder.New(5).Build().ToDay();

        Assert.Empty(game.Events<VotingStarted>());
        var error = Assert.Throws<DomainException>(() => game.VoteFor(game.MafiaId(), game.CitizenIds()[0]));
        Assert.Equal("mafia.vote.wrong_phase", error.Code);
    }

    [Fact]
    public void The_player_with_the_most_votes_is_eliminated_as_voted()
    {
        // 2 votes against one citizen, 1 against the mafia, 1 against the other citizen, 1 skip.
        var game = GameBuilder.New(5).Build().ToVoting();
        var (mafia, doctor, detective) = (game.MafiaId(), game.DoctorId(), game.DetectiveId());
        var (accused, other) = (game.CitizenIds()[0], game.CitizenIds()[1]);

        game.VoteFor(doctor, accused);
        game.VoteFor(detective, accused);
        game.VoteFor(other, mafia);
        game.VoteFor(mafia, other);
        game.VoteFor(accused, null);

        var resolved = Assert.Single(game.Events<VotingResolved>());
        Assert.Equal(accused, resolved.Eliminated);
        Assert.Equal(new PlayerEliminated(GameId, accused, DeathReason.Voted), Assert.Single(game.Events<PlayerEliminated>()));
        var votedOut = game.Player(accused);
        Assert.False(votedOut.IsAlive);
        Assert.Equal(DeathReason.Voted, votedOut.DeathReason);
        Assert.Equal(4, game.AlivePlayerIds.Count);
    }

    [Fact]
    public void The_results_count_every_vote_that_is_not_a_skip_per_target()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var (mafia, doctor, detective) = (game.MafiaId(), game.DoctorId(), game.DetectiveId());
        var (accused, other) = (game.CitizenIds()[0], game.CitizenIds()[1]);

        game.VoteFor(doctor, accused);
        game.VoteFor(detective, accused);
        game.VoteFor(other, mafia);
        game.VoteFor(mafia, other);
        game.VoteFor(accused, null);

        var counts = Assert.Single(game.Events<VotingResolved>()).VoteCounts;
        Assert.Equal(3, counts.Count);
        Assert.Equal(2, counts[accused]);
        Assert.Equal(1, counts[other]);
        Assert.Equal(1, counts[mafia]);
    }

    [Fact]
    public void A_tie_eliminates_nobody()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var (mafia, doctor, detective) = (game.MafiaId(), game.DoctorId(), game.DetectiveId());
        var (first, second) = (game.CitizenIds()[0], game.CitizenIds()[1]);

        game.VoteFor(doctor, first);
        game.VoteFor(detective, first);
        game.VoteFor(first, mafia);
        game.VoteFor(second, mafia);
        game.VoteFor(mafia, null);

        var resolved = Assert.Single(game.Events<VotingResolved>());
        Assert.Null(resolved.Eliminated);
        Assert.Equal(2, resolved.VoteCounts[first]);
        Assert.Equal(2, resolved.VoteCounts[mafia]);
        Assert.Empty(game.Events<PlayerEliminated>());
        Assert.All(game.Players, p => Assert.True(p.IsAlive));
        Assert.Equal(GamePhase.Night, game.Phase);
    }

    [Fact]
    public void No_votes_at_all_eliminate_nobody()
    {
        var game = GameBuilder.New(5).Build().ToVoting();

        game.Pass();

        var resolved = Assert.Single(game.Events<VotingResolved>());
        Assert.Null(resolved.Eliminated);
        Assert.Empty(resolved.VoteCounts);
        Assert.Empty(game.Events<PlayerEliminated>());
        Assert.Equal(GamePhase.Night, game.Phase);
    }

    [Fact]
    public void When_everyone_skips_the_voting_ends_at_once_and_nobody_is_eliminated()
    {
        var game = GameBuilder.New(5).Build().ToVoting();

        game.Skip(game.AllIds());

        Assert.Equal(GamePhase.Night, game.Phase);
        var resolved = Assert.Single(game.Events<VotingResolved>());
        Assert.Null(resolved.Eliminated);
        Assert.Empty(resolved.VoteCounts);
        Assert.All(game.Players, p => Assert.True(p.IsAlive));
    }

    [Fact]
    public void A_single_vote_among_skips_eliminates_its_target()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var accused = game.CitizenIds()[0];
        game.VoteFor(game.DoctorId(), accused);

        game.Skip(game.AllIds().Where(id => id != game.DoctorId()));

        var resolved = Assert.Single(game.Events<VotingResolved>());
        Assert.Equal(accused, resolved.Eliminated);
        Assert.False(game.Player(accused).IsAlive);
    }

    [Fact]
    public void A_player_cannot_vote_for_themselves()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var voter = game.CitizenIds()[0];
        game.VoteFor(voter, game.MafiaId());
        var before = game.Votes.ToList();

        var error = Assert.Throws<DomainException>(() => game.VoteFor(voter, voter));

        Assert.Equal("mafia.vote.self", error.Code);
        Assert.Equal(before, game.Votes);
    }

    [Fact]
    public void A_vote_can_be_changed_until_the_voting_ends_and_only_the_last_one_counts()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var voter = game.DoctorId();
        var (first, second) = (game.CitizenIds()[0], game.CitizenIds()[1]);
        game.VoteFor(voter, first);

        game.VoteFor(voter, second);

        Assert.Equal(new Vote(game.PhaseNumber, voter, second), Assert.Single(game.Votes));
        game.Skip(game.AllIds().Where(id => id != voter));
        var resolved = Assert.Single(game.Events<VotingResolved>());
        Assert.Equal(second, resolved.Eliminated);
        Assert.DoesNotContain(first, resolved.VoteCounts.Keys);
        Assert.True(game.Player(first).IsAlive);
    }

    [Fact]
    public void A_vote_can_be_changed_to_a_skip()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var voter = game.DoctorId();
        game.VoteFor(voter, game.CitizenIds()[0]);

        game.VoteFor(voter, null);

        Assert.Equal(new Vote(game.PhaseNumber, voter, null), Assert.Single(game.Votes));
    }

    [Fact]
    public void Voting_ends_as_soon_as_every_living_player_has_voted()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var voters = game.AllIds();
        game.Skip(voters.Take(4));
        Assert.Equal(GamePhase.Voting, game.Phase);
        Assert.Empty(game.Events<VotingResolved>());

        game.VoteFor(voters[4], null);

        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Single(game.Events<VotingResolved>());
    }

    [Fact]
    public void A_dead_player_does_not_hold_the_voting_open()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.ToVoting();

        game.Skip(game.AlivePlayerIds);

        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Single(game.Events<VotingResolved>());
    }

    [Fact]
    public void A_dead_player_cannot_vote()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.ToVoting();

        var error = Assert.Throws<DomainException>(() => game.VoteFor(victim, game.MafiaId()));

        Assert.Equal("mafia.player.dead", error.Code);
        Assert.Empty(game.Votes);
    }

    [Fact]
    public void A_dead_player_cannot_be_voted_for()
    {
        var game = GameBuilder.New(5).Build();
        var victim = game.CitizenIds()[0];
        game.MafiaKills(game.MafiaId(), victim);
        game.ToVoting();

        var error = Assert.Throws<DomainException>(() => game.VoteFor(game.DoctorId(), victim));

        Assert.Equal("mafia.target.dead", error.Code);
        Assert.Empty(game.Votes);
    }

    [Fact]
    public void Someone_outside_the_game_cannot_vote_or_be_voted_for()
    {
        var game = GameBuilder.New(5).Build().ToVoting();

        var outsider = Assert.Throws<DomainException>(() => game.VoteFor(GameBuilder.Outsider, game.MafiaId()));
        var target = Assert.Throws<DomainException>(() => game.VoteFor(game.DoctorId(), GameBuilder.Outsider));

        Assert.Equal("mafia.game.not_a_player", outsider.Code);
        Assert.Equal("mafia.target.unknown", target.Code);
        Assert.Empty(game.Votes);
    }

    [Fact]
    public void Votes_are_cast_in_the_voting_phase_only()
    {
        var game = GameBuilder.New(5).Build();

        var error = Assert.Throws<DomainException>(() => game.VoteFor(game.DoctorId(), game.MafiaId()));

        Assert.Equal("mafia.vote.wrong_phase", error.Code);
        Assert.Empty(game.Votes);
    }

    [Fact]
    public void After_a_voting_the_night_of_the_next_day_begins()
    {
        var game = GameBuilder.New(5).Build().ToVoting();
        var accused = game.CitizenIds()[0];
        game.VoteFor(game.DoctorId(), accused);

        game.Skip(game.AllIds().Where(id => id != game.DoctorId()));

        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Equal(2, game.DayCount);
        Assert.Empty(game.Votes);
    }
}
