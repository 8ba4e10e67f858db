using CleanGames.Application.Common.Security;
using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Games.Commands.AdvancePhase;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Lobbies.Commands.MarkLobbyReady;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using Microsoft.Extensions.Options;
using Moq;

namespace CleanGames.UnitTests.Mafia;

/// <summary>The Mafia handlers only load, call the one domain operation and save: the rules are the aggregates'.</summary>
public sealed class MafiaHandlerTests
{
    private const long AdminId = 900;
    private static readonly DateTimeOffset Now = GameBuilder.Now;
    private readonly Mock<IRepository<Game>> _games = new();
    private readonly Mock<IRepository<Lobby>> _lobbies = new();
    private readonly Mock<ICurrentUser> _user = new();
    private readonly Mock<IClock> _clock = new();
    private readonly Mock<IServerRun> _run = new();

    public MafiaHandlerTests()
    {
        _clock.SetupGet(c => c.UtcNow).Returns(Now.AddSeconds(5));
        _run.SetupGet(r => r.StartedAt).Returns(GameBuilder.ServerStartedAt);
    }

    [Fact]
    public async Task Advancing_an_ended_game_is_refused_by_the_game_and_nothing_is_saved()
    {
        var game = GameBuilder.New(5).Build();
        game.ForceEnd(Team.Mafia, Now);
        Caller(AdminId, admin: true);
        _games.Setup(g => g.FirstOrDefaultAsync(It.IsAny<ISpecification<Game>>(), It.IsAny<CancellationToken>())).ReturnsAsync(game);

        var handler = new AdvancePhaseCommandHandler(_games.Object, Access(), _clock.Object, _run.Object);
        var error = await Assert.ThrowsAsync<DomainException>(() => handler.Handle(new AdvancePhaseCommand(game.Id.ToString()), default));

        Assert.Equal("mafia.game.ended", error.Code);
        _games.Verify(g => g.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Advancing_a_running_game_saves_it_once_and_answers_the_new_state()
    {
        var game = GameBuilder.New(5).Build();
        Caller(AdminId, admin: true);
        _games.Setup(g => g.FirstOrDefaultAsync(It.IsAny<ISpecification<Game>>(), It.IsAny<CancellationToken>())).ReturnsAsync(game);

        var state = await new AdvancePhaseCommandHandler(_games.Object, Access(), _clock.Object, _run.Object)
            .Handle(new AdvancePhaseCommand(game.Id.ToString()), default);

        Assert.Equal("day", state.Phase);
        _games.Verify(g => g.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task The_last_ready_adds_the_game_the_lobby_started_in_the_same_save()
    {
        var lobby = Lobby.Create(GameBuilder.LobbyId, "K7P2M9QX", "classic", 6, GameSettings.Default, 1, Now);
        foreach (var id in new long[] { 2, 3, 4 })
        {
            lobby.Join(id, Now);
            lobby.MarkReady(id);
        }

        Caller(1, admin: false);
        _lobbies.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<Lobby>>(), It.IsAny<CancellationToken>())).ReturnsAsync(lobby);
        Game? added = null;
        _games.Setup(g => g.AddAsync(It.IsAny<Game>(), It.IsAny<CancellationToken>())).Callback((Game g, CancellationToken _) => added = g).ReturnsAsync((Game g, CancellationToken _) => g);

        var table = Table();
        await new MarkLobbyReadyCommandHandler(_lobbies.Object, _games.Object, table).Handle(new MarkLobbyReadyCommand(GameBuilder.LobbyId.ToString()), default);

        Assert.NotNull(added);
        Assert.Equal(lobby.GameId, added.Id);
        Assert.Equal(LobbyStatus.Started, lobby.Status);
        Assert.Equal(new long[] { 1, 2, 3, 4 }, added.Players.OrderBy(p => p.Seat).Select(p => p.AccountId));
        Assert.Equal(Now.AddSeconds(5), added.StartedAt);
        Assert.Equal(64, added.DealSeed.Length);
        Assert.DoesNotContain(added.Players, p => p.AtDailyRewardLimit);
        _lobbies.Verify(l => l.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Members_rewarded_for_the_days_limit_of_games_start_the_game_at_the_limit()
    {
        var lobby = Lobby.Create(GameBuilder.LobbyId, "K7P2M9QX", "classic", 6, GameSettings.Default, 1, Now);
        foreach (var id in new long[] { 2, 3, 4 })
        {
            lobby.Join(id, Now);
            lobby.MarkReady(id);
        }

        // The day (UTC) of the start, 2026-11-23: account 3 was rewarded twice; account 4 once
        // (its other game ended the day before); account 2 once (its other two games earned nothing).
        var today = Now.UtcDateTime.Date;
        Game[] ended =
        [
            Ended([3, 10, 11, 12, 13], Now.AddHours(-2)),
            Ended([3, 4, 11, 12, 13], Now.AddMinutes(-30)),
            Ended([4, 10, 11, 12, 13], new DateTimeOffset(today.AddMinutes(-10), TimeSpan.Zero)),
            Ended([2, 10, 11, 12], Now.AddHours(-1)),
            Ended([2, 10, 11, 12, 13], Now.AddHours(-1), GameSettings.Default with { DaySeconds = 30 }),
            Ended([2, 10, 11, 12, 13], new DateTimeOffset(today, TimeSpan.Zero)),
        ];
        Caller(1, admin: false);
        _lobbies.Setup(l => l.FirstOrDefaultAsync(It.IsAny<ISpecification<Lobby>>(), It.IsAny<CancellationToken>())).ReturnsAsync(lobby);
        Game? added = null;
        _games.Setup(g => g.AddAsync(It.IsAny<Game>(), It.IsAny<CancellationToken>())).Callback((Game g, CancellationToken _) => added = g).ReturnsAsync((Game g, CancellationToken _) => g);
        _games.Setup(g => g.CountAsync(It.IsAny<ISpecification<Game>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((ISpecification<Game> spec, CancellationToken _) => spec.Evaluate(ended).Count());

        await new MarkLobbyReadyCommandHandler(_lobbies.Object, _games.Object, Table(maxRewardedGamesPerDay: 2)).Handle(new MarkLobbyReadyCommand(GameBuilder.LobbyId.ToString()), default);

        Assert.Equal(new long[] { 3 }, added!.Players.Where(p => p.AtDailyRewardLimit).Select(p => p.AccountId));
    }

    /// <summary>A game of <paramref name="players"/> that an admin ended at <paramref name="endedAt"/>, ten minutes after it started.</summary>
    private static Game Ended(long[] players, DateTimeOffset endedAt, GameSettings? settings = null)
    {
        var game = Game.Start(Guid.NewGuid(), null, "classic", settings ?? GameSettings.Default, players, GameBuilder.Seed(players.Length), endedAt.AddMinutes(-10));
        game.ForceEnd(Team.Citizens, endedAt);
        return game;
    }

    private LobbyTable Table(int maxRewardedGamesPerDay = 20) =>
        new(_user.Object, _clock.Object, Options.Create(new EconomyOptions { MaxRewardedGamesPerDay = maxRewardedGamesPerDay }));

    /// <summary>Game access for the caller, whose stored roles are what the token claims.</summary>
    private GameAccess Access()
    {
        var store = new Mock<IRoleStore>();
        store.Setup(s => s.RolesOfAsync(It.IsAny<long>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(() => _user.Object.IsInRole(Roles.Admin) ? ["user", "admin"] : ["user"]);
        return new GameAccess(_user.Object, new CallerRoles(_user.Object, store.Object));
    }

    private void Caller(long accountId, bool admin)
    {
        _user.SetupGet(u => u.AccountId).Returns(accountId);
        _user.SetupGet(u => u.IsAuthenticated).Returns(true);
        _user.Setup(u => u.IsInRole(Roles.Admin)).Returns(admin);
    }
}
