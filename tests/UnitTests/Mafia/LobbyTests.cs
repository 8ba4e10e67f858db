using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;

namespace CleanGames.UnitTests.Mafia;

public sealed class LobbyTests
{
    private const long Creator = 1;
    private const string InviteCode = "K7P2M9QX";
    private static readonly DateTimeOffset Now = GameBuilder.Now;
    private static readonly Guid LobbyId = GameBuilder.LobbyId;

    [Fact]
    public void The_creator_is_the_first_member_and_is_not_ready()
    {
        var lobby = NewLobby(maxPlayers: 6);

        var member = Assert.Single(lobby.Members);
        AssertMember(member, Creator, ready: false, joinedAt: Now);
        Assert.True(lobby.IsMember(Creator));
        Assert.Equal(Creator, lobby.CreatedBy);
        Assert.Equal(LobbyStatus.Open, lobby.Status);
        Assert.Equal(6, lobby.MaxPlayers);
        Assert.Equal(InviteCode, lobby.InviteCode);
        Assert.Null(lobby.GameId);
        Assert.False(lobby.CanStart);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    public void A_lobby_without_a_mode_plays_classic(string mode)
    {
        var lobby = Lobby.Create(LobbyId, InviteCode, mode, 6, GameSettings.Default, Creator, Now);

        Assert.Equal("classic", lobby.Mode);
    }

    [Fact]
    public void Joining_adds_the_player_in_join_order_not_ready()
    {
        var lobby = NewLobby(maxPlayers: 6);

        lobby.Join(2, Now.AddSeconds(1));
        lobby.Join(3, Now.AddSeconds(2));

        Assert.Equal(new long[] { Creator, 2, 3 }, lobby.Members.Select(m => m.AccountId));
        AssertMember(lobby.Members[2], 3, ready: false, joinedAt: Now.AddSeconds(2));
        Assert.True(lobby.IsMember(2));
    }

    [Fact]
    public void Joining_twice_changes_nothing()
    {
        var lobby = NewLobby(maxPlayers: 6);
        lobby.Join(2, Now.AddSeconds(1));
        lobby.MarkReady(2);

        lobby.Join(2, Now.AddSeconds(5));

        Assert.Equal(2, lobby.Members.Count);
        AssertMember(lobby.Members[1], 2, ready: true, joinedAt: Now.AddSeconds(1));
    }

    [Fact]
    public void A_full_lobby_refuses_a_new_player()
    {
        var lobby = NewLobby(maxPlayers: 4);
        lobby.Join(2, Now);
        lobby.Join(3, Now);
        lobby.Join(4, Now);

        var error = Assert.Throws<DomainException>(() => lobby.Join(5, Now));

        Assert.Equal("mafia.lobby.full", error.Code);
        Assert.Equal(4, lobby.Members.Count);
        Assert.False(lobby.IsMember(5));
    }

    [Fact]
    public void A_member_of_a_full_lobby_joining_again_is_not_refused()
    {
        var lobby = NewLobby(maxPlayers: 4);
        lobby.Join(2, Now);
        lobby.Join(3, Now);
        lobby.Join(4, Now);

        var error = Record.Exception(() => lobby.Join(3, Now));

        Assert.Null(error);
        Assert.Equal(4, lobby.Members.Count);
    }

    [Fact]
    public void Nobody_joins_after_the_game_has_started()
    {
        var lobby = StartedLobby();

        var error = Assert.Throws<DomainException>(() => lobby.Join(9, Now.AddMinutes(1)));

        Assert.Equal("mafia.lobby.started", error.Code);
        Assert.Equal(4, lobby.Members.Count);
    }

    [Fact]
    public void Nobody_readies_after_the_game_has_started()
    {
        var lobby = StartedLobby();

        var error = Assert.Throws<DomainException>(() => lobby.MarkReady(Creator));

        Assert.Equal("mafia.lobby.started", error.Code);
    }

    [Fact]
    public void Someone_outside_the_lobby_cannot_ready()
    {
        var lobby = NewLobby(maxPlayers: 6);

        var error = Assert.Throws<DomainException>(() => lobby.MarkReady(42));

        Assert.Equal("mafia.lobby.not_a_member", error.Code);
        Assert.Single(lobby.Members);
    }

    [Fact]
    public void Ready_reports_true_only_when_at_least_four_members_are_all_ready()
    {
        var lobby = NewLobby(maxPlayers: 6);
        lobby.Join(2, Now);
        lobby.Join(3, Now);

        Assert.False(lobby.MarkReady(Creator));
        Assert.False(lobby.MarkReady(2));
        Assert.False(lobby.MarkReady(3));
        Assert.False(lobby.CanStart);

        lobby.Join(4, Now);
        Assert.False(lobby.CanStart);

        Assert.True(lobby.MarkReady(4));
        Assert.True(lobby.CanStart);
        Assert.All(lobby.Members, m => Assert.True(m.Ready));
    }

    [Fact]
    public void One_member_not_ready_keeps_the_table_waiting()
    {
        var lobby = NewLobby(maxPlayers: 6);
        foreach (var id in new long[] { 2, 3, 4, 5 })
        {
            lobby.Join(id, Now);
        }

        var answers = new long[] { Creator, 2, 3, 4 }.Select(lobby.MarkReady).ToList();

        Assert.All(answers, ready => Assert.False(ready));
        Assert.False(lobby.CanStart);
        Assert.True(lobby.MarkReady(5));
    }

    [Fact]
    public void Starting_returns_the_seats_in_join_order_and_closes_the_lobby()
    {
        var lobby = NewLobby(maxPlayers: 6);
        foreach (var id in new long[] { 40, 7, 23 })
        {
            lobby.Join(id, Now);
        }

        foreach (var id in new long[] { 23, Creator, 40, 7 })
        {
            lobby.MarkReady(id);
        }

        var gameId = GameBuilder.GameId;

        var game = lobby.StartGame(gameId, GameBuilder.Seed(1), Now);

        Assert.Equal(new long[] { Creator, 40, 7, 23 }, game.Players.OrderBy(p => p.Seat).Select(p => p.AccountId));
        Assert.Equal(LobbyStatus.Started, lobby.Status);
        Assert.Equal(gameId, lobby.GameId);
        Assert.False(lobby.CanStart);
    }

    [Fact]
    public void A_lobby_starts_only_once()
    {
        var lobby = StartedLobby();

        var error = Assert.Throws<DomainException>(() => lobby.StartGame(Guid.Parse("0f9d6a3e-2c4b-4e7a-9b1d-8c5f3e2a1d70"), GameBuilder.Seed(1), Now));

        // The domain answers not_ready here (CanStart is false once started); started would say it better.
        Assert.Contains(error.Code, new[] { "mafia.lobby.not_ready", "mafia.lobby.started" });
        Assert.Equal(GameBuilder.GameId, lobby.GameId);
    }

    [Fact]
    public void Starting_before_everyone_is_ready_is_refused()
    {
        var lobby = NewLobby(maxPlayers: 6);
        lobby.Join(2, Now);
        lobby.Join(3, Now);
        lobby.Join(4, Now);
        lobby.MarkReady(Creator);
        lobby.MarkReady(2);
        lobby.MarkReady(3);

        var error = Assert.Throws<DomainException>(() => lobby.StartGame(GameBuilder.GameId, GameBuilder.Seed(1), Now));

        Assert.Equal("mafia.lobby.not_ready", error.Code);
        Assert.Equal(LobbyStatus.Open, lobby.Status);
        Assert.Null(lobby.GameId);
    }

    [Fact]
    public void Starting_with_fewer_than_four_is_refused_even_when_all_are_ready()
    {
        var lobby = NewLobby(maxPlayers: 6);
        lobby.Join(2, Now);
        lobby.Join(3, Now);
        lobby.MarkReady(Creator);
        lobby.MarkReady(2);
        lobby.MarkReady(3);

        var error = Assert.Throws<DomainException>(() => lobby.StartGame(GameBuilder.GameId, GameBuilder.Seed(1), Now));

        Assert.Equal("mafia.lobby.not_ready", error.Code);
        Assert.Equal(LobbyStatus.Open, lobby.Status);
    }

    [Theory]
    [InlineData(3, 60, null, "mafia.settings.player_count")]
    [InlineData(21, 60, null, "mafia.settings.player_count")]
    [InlineData(8, 0, null, "mafia.settings.phase_seconds")]
    [InlineData(8, 601, null, "mafia.settings.phase_seconds")]
    [InlineData(8, 60, 4, "mafia.settings.mafia_count")]
    [InlineData(8, 60, 0, "mafia.settings.mafia_count")]
    public void A_lobby_with_invalid_settings_cannot_be_created(int maxPlayers, int nightSeconds, int? mafiaCount, string code)
    {
        var settings = new GameSettings(MafiaCount: mafiaCount, NightSeconds: nightSeconds);

        var error = Assert.Throws<DomainException>(() => Lobby.Create(LobbyId, InviteCode, "classic", maxPlayers, settings, Creator, Now));

        Assert.Equal(code, error.Code);
    }

    [Fact]
    public void The_seats_of_a_started_lobby_are_the_seats_of_its_game()
    {
        var lobby = StartedLobby();
        var seats = lobby.Members.Select(m => m.AccountId).ToList();

        var game = Game.Start(GameBuilder.GameId, lobby.Id, lobby.Mode, lobby.Settings, seats, GameBuilder.Seed(3), Now);

        Assert.Equal(seats, game.Players.OrderBy(p => p.Seat).Select(p => p.AccountId));
        Assert.Equal(lobby.Id, game.LobbyId);
    }

    [Fact]
    public void A_member_who_leaves_is_off_the_table_and_the_others_are_told()
    {
        var lobby = NewLobby(maxPlayers: 6);
        lobby.Join(2, Now);
        lobby.Join(3, Now);

        var canStart = lobby.Leave(2);

        Assert.False(canStart);
        Assert.Equal(new long[] { Creator, 3 }, lobby.Members.Select(m => m.AccountId));
        Assert.False(lobby.IsMember(2));
        Assert.Equal(LobbyStatus.Open, lobby.Status);
        Assert.Equal(new LobbyMemberLeft(LobbyId, 2), lobby.DomainEvents.OfType<LobbyMemberLeft>().Single());
        // The seat is free again.
        lobby.Join(2, Now.AddSeconds(5));
        Assert.Equal(3, lobby.Members.Count);
    }

    [Fact]
    public void When_the_one_not_ready_leaves_four_ready_players_can_start()
    {
        var lobby = NewLobby(maxPlayers: 6);
        foreach (var id in new long[] { 2, 3, 4, 5 })
        {
            lobby.Join(id, Now);
        }

        foreach (var id in new long[] { Creator, 2, 3, 4 })
        {
            Assert.False(lobby.MarkReady(id));
        }

        Assert.True(lobby.Leave(5));
        Assert.True(lobby.CanStart);
        Assert.Equal(new long[] { Creator, 2, 3, 4 }, lobby.StartGame(GameBuilder.GameId, GameBuilder.Seed(1), Now).Players.OrderBy(p => p.Seat).Select(p => p.AccountId));
    }

    [Fact]
    public void The_last_one_out_closes_the_lobby_and_nobody_joins_a_closed_one()
    {
        var lobby = NewLobby(maxPlayers: 6);

        Assert.False(lobby.Leave(Creator));

        Assert.Empty(lobby.Members);
        Assert.Equal(LobbyStatus.Closed, lobby.Status);
        Assert.Equal(LobbyErrors.Closed, Assert.Throws<DomainException>(() => lobby.Join(2, Now)).Error);
        Assert.Equal(LobbyErrors.NotAMember, Assert.Throws<DomainException>(() => lobby.Leave(Creator)).Error);
    }

    [Fact]
    public void Nobody_leaves_a_started_lobby_and_strangers_cannot_leave_at_all()
    {
        var started = StartedLobby();
        Assert.Equal(LobbyErrors.Started, Assert.Throws<DomainException>(() => started.Leave(2)).Error);
        Assert.Equal(4, started.Members.Count);

        var open = NewLobby(maxPlayers: 6);
        Assert.Equal(LobbyErrors.NotAMember, Assert.Throws<DomainException>(() => open.Leave(42)).Error);
        Assert.Single(open.Members);
    }

    [Fact]
    public void Members_hold_a_seat_while_the_lobby_is_open_and_give_it_up_when_the_game_starts()
    {
        var open = NewLobby(maxPlayers: 6);
        open.Join(2, Now);
        Assert.All(open.Members, m => Assert.True(m.Seated));

        Assert.All(StartedLobby().Members, m => Assert.False(m.Seated));
    }

    private static void AssertMember(LobbyMember member, long accountId, bool ready, DateTimeOffset joinedAt)
    {
        Assert.Equal(accountId, member.AccountId);
        Assert.Equal(ready, member.Ready);
        Assert.Equal(joinedAt, member.JoinedAt);
    }

    private static Lobby NewLobby(int maxPlayers) =>
        Lobby.Create(LobbyId, InviteCode, "classic", maxPlayers, GameSettings.Default, Creator, Now);

    /// <summary>Four members (the creator, 2, 3, 4), all ready, started into <see cref="GameBuilder.GameId"/>.</summary>
    private static Lobby StartedLobby()
    {
        var lobby = NewLobby(maxPlayers: 6);
        foreach (var id in new long[] { 2, 3, 4 })
        {
            lobby.Join(id, Now);
        }

        foreach (var member in lobby.Members.Select(m => m.AccountId).ToList())
        {
            lobby.MarkReady(member);
        }

        lobby.StartGame(GameBuilder.GameId, GameBuilder.Seed(1), Now);
        return lobby;
    }

    [Fact]
    public void Starting_a_ready_table_deals_its_game_with_the_lobbys_mode_settings_and_seed()
    {
        var settings = new GameSettings(MafiaCount: 1, WithDoctor: false, WithDetective: true, NightSeconds: 30, DaySeconds: 90, VotingSeconds: 45);
        var lobby = Lobby.Create(LobbyId, InviteCode, "ranked", 6, settings, Creator, Now);
        foreach (var id in new long[] { 2, 3, 4 })
        {
            lobby.Join(id, Now);
        }

        foreach (var id in new long[] { Creator, 2, 3, 4 })
        {
            lobby.MarkReady(id);
        }

        var seed = GameBuilder.Seed(7);
        var game = lobby.StartGame(GameBuilder.GameId, seed, Now);

        var expected = Game.Start(GameBuilder.GameId, LobbyId, "ranked", settings, [Creator, 2, 3, 4], seed, Now);
        Assert.Equal(GameBuilder.GameId, game.Id);
        Assert.Equal(LobbyId, game.LobbyId);
        Assert.Equal("ranked", game.Mode);
        Assert.Equal(settings, game.Settings);
        Assert.Equal(expected.DealCommitment, game.DealCommitment);
        Assert.Equal(expected.Players.Select(p => (p.AccountId, p.Seat, p.Role)), game.Players.Select(p => (p.AccountId, p.Seat, p.Role)));
        Assert.Equal(GamePhase.Night, game.Phase);
        Assert.Equal(Now, game.StartedAt);
        Assert.Equal(GameBuilder.GameId, lobby.GameId);
        Assert.Equal(LobbyStatus.Started, lobby.Status);
    }

    [Fact]
    public void A_table_that_cannot_start_deals_no_game()
    {
        var lobby = NewLobby(maxPlayers: 6);
        lobby.Join(2, Now);
        lobby.Join(3, Now);
        lobby.Join(4, Now);
        lobby.MarkReady(Creator);

        var error = Assert.Throws<DomainException>(() => lobby.StartGame(GameBuilder.GameId, GameBuilder.Seed(1), Now));

        Assert.Equal("mafia.lobby.not_ready", error.Code);
        Assert.Null(lobby.GameId);
        Assert.All(lobby.Members, m => Assert.True(m.Seated));
    }
}
