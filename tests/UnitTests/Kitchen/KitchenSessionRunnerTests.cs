using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Application.Kitchen.Sessions.Commands.BuyUpgrade;
using CleanGames.Application.Kitchen.Sessions.Commands.CollectPassiveIncome;
using CleanGames.Application.Kitchen.Sessions.Commands.Cook;
using CleanGames.Application.Kitchen.Sessions.Commands.LevelUp;
using CleanGames.Application.Kitchen.Sessions.Commands.OpenKitchenSession;
using CleanGames.Application.Kitchen.Sessions.Commands.ResetKitchenSession;
using CleanGames.Application.Kitchen.Sessions.Commands.Sell;
using CleanGames.Application.Kitchen.Sessions.Queries.CheckLevel;
using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Domain.Kitchen.Sessions;
using Microsoft.Extensions.Options;
using Moq;

namespace CleanGames.UnitTests.Kitchen;

public sealed class KitchenSessionRunnerTests
{
    private const long AccountId = KitchenSessionBuilder.AccountId;
    private const string ConnectionId = "conn-1";
    private static readonly DateTimeOffset Now = KitchenSessionBuilder.Now;
    private readonly KitchenCatalog _catalog = KitchenCatalogBuilder.Default();
    private readonly Mock<IKitchenSessionStore> _store = new();
    private readonly Mock<IKitchenCatalogProvider> _catalogs = new();
    private readonly Mock<ICurrentUser> _user = new();
    private readonly Mock<IClock> _clock = new();
    private readonly Mock<IRealtimeNotifier> _notifier = new();
    private readonly KitchenOptions _options = new();
    private readonly List<RealtimeEvent> _published = [];
    private LiveKitchenSession _live;
    private Func<KitchenSession>? _opening;

    public KitchenSessionRunnerTests()
    {
        _live = new LiveKitchenSession(KitchenSessionBuilder.New().WithMoney(100).Build(), "ada@example.com", opened: false);
        _catalogs.Setup(c => c.GetAsync(It.IsAny<CancellationToken>())).Returns(() => new ValueTask<KitchenCatalog>(_catalog));
        _user.SetupGet(u => u.IsAuthenticated).Returns(true);
        _user.SetupGet(u => u.AccountId).Returns(AccountId);
        _user.SetupGet(u => u.ConnectionId).Returns(ConnectionId);
        _clock.SetupGet(c => c.UtcNow).Returns(Now);
        _notifier.Setup(n => n.PublishAsync(It.IsAny<RealtimeEvent>(), It.IsAny<CancellationToken>()))
            .Callback((RealtimeEvent published, CancellationToken _) => _published.Add(published))
            .Returns(ValueTask.CompletedTask);

        StorePlays<OpenKitchenSessionResult>();
        StorePlays<CookResult>();
        StorePlays<SellResult>();
        StorePlays<CollectPassiveIncomeResult>();
        StorePlays<BuyUpgradeResult>();
        StorePlays<CheckLevelResult>();
    }

    /// <summary>
    /// The store runs the use case on <see cref="_live"/> and, like the real one, reports a change
    /// when the session's revision moved.
    /// </summary>
    private void StorePlays<T>() =>
        _store.Setup(s => s.ExecuteAsync(It.IsAny<long>(), It.IsAny<KitchenWrite>(), It.IsAny<Func<KitchenSession>?>(), It.IsAny<Func<LiveKitchenSession, T>>(), It.IsAny<CancellationToken>()))
            .Returns((long _, KitchenWrite _, Func<KitchenSession>? open, Func<LiveKitchenSession, T> play, CancellationToken _) =>
            {
                _opening = open;
                return Task.FromResult(Play(play));
            });

    private KitchenExecution<T> Play<T>(Func<LiveKitchenSession, T> play)
    {
        var revision = _live.Session.Revision;
        var result = play(_live);
        return new KitchenExecution<T>(result, _live.Session.Revision != revision);
    }

    private void Playing(KitchenSession session, bool opened = false) => _live = new LiveKitchenSession(session, "ada@example.com", opened);

    private KitchenSessionRunner Runner() =>
        new(_store.Object, _catalogs.Object, _user.Object, _clock.Object, Options.Create(_options), _notifier.Object);

    [Fact]
    public async Task A_change_is_published_once_to_the_accounts_other_connections()
    {
        var result = await new CookCommandHandler(Runner()).Handle(new CookCommand(), default);

        var published = Assert.Single(_published);
        Assert.Equal("kitchen", published.Topic);
        Assert.Equal("cook", published.Name);
        Assert.Equal(AccountId, published.AccountId);
        Assert.Equal(ConnectionId, published.ExceptConnectionId);
        var broadcast = Assert.IsType<KitchenBroadcast>(published.Payload);
        Assert.Same(result.Session, broadcast.Session);
        Assert.Equal(1, broadcast.Session.Dishes);
        Assert.Equal(1, result.DishesCooked);
    }

    [Fact]
    public async Task The_published_event_is_named_after_the_request_type()
    {
        await new BuyUpgradeCommandHandler(Runner()).Handle(new BuyUpgradeCommand(KitchenCatalogBuilder.Knife), default);

        var published = Assert.Single(_published);
        Assert.Equal("upgrade_buy", published.Name);
        Assert.Equal(90, Assert.IsType<KitchenBroadcast>(published.Payload).Session.Money);
    }

    [Fact]
    public async Task Checking_the_level_changes_nothing_and_publishes_nothing()
    {
        Playing(KitchenSessionBuilder.New().WithXpMilli(4_000).Build());

        var result = await new CheckLevelQueryHandler(Runner()).Handle(new CheckLevelQuery(), default);

        Assert.Equal(1, result.Rank);
        Assert.Equal(4, result.Xp);
        Assert.Equal(10, result.XpRequired);
        Assert.Equal(6, result.XpRemaining);
        Assert.False(result.CanLevelUp);
        Assert.Empty(_published);
        _notifier.Verify(n => n.PublishAsync(It.IsAny<RealtimeEvent>(), It.IsAny<CancellationToken>()), Times.Never);
        _store.Verify(s => s.ExecuteAsync(AccountId, KitchenWrite.None, null, It.IsAny<Func<LiveKitchenSession, CheckLevelResult>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_write_that_changed_nothing_publishes_nothing()
    {
        // Selling with no dishes on hand is a write request, but the session stays as it was.
        var result = await new SellCommandHandler(Runner()).Handle(new SellCommand(), default);

        Assert.Equal(0, result.DishesSold);
        Assert.Empty(_published);
    }

    [Fact]
    public async Task Buying_an_upgrade_is_written_through()
    {
        var result = await new BuyUpgradeCommandHandler(Runner()).Handle(new BuyUpgradeCommand(KitchenCatalogBuilder.Knife), default);

        Assert.Equal(10, result.MoneySpent);
        Assert.Equal(1, result.Upgrade.Level);
        Assert.Equal(90, result.Session.Money);
        _store.Verify(s => s.ExecuteAsync(AccountId, KitchenWrite.Through, null, It.IsAny<Func<LiveKitchenSession, BuyUpgradeResult>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Cooking_is_written_behind()
    {
        await new CookCommandHandler(Runner()).Handle(new CookCommand(), default);

        _store.Verify(s => s.ExecuteAsync(AccountId, KitchenWrite.Behind, null, It.IsAny<Func<LiveKitchenSession, CookResult>>(), It.IsAny<CancellationToken>()), Times.Once);
        _store.Verify(s => s.ExecuteAsync(It.IsAny<long>(), KitchenWrite.Through, It.IsAny<Func<KitchenSession>?>(), It.IsAny<Func<LiveKitchenSession, CookResult>>(), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused_before_the_store_is_asked()
    {
        _user.SetupGet(u => u.IsAuthenticated).Returns(false);
        _user.SetupGet(u => u.AccountId).Returns((long?)null);

        var error = await Assert.ThrowsAsync<DomainException>(() => new CookCommandHandler(Runner()).Handle(new CookCommand(), default));
        Assert.Equal(ErrorKind.Unauthenticated, error.Kind);

        Assert.Empty(_store.Invocations);
        Assert.Empty(_published);
        Assert.Equal(0, _live.Session.Dishes);
    }

    [Fact]
    public async Task A_refused_cook_fails_the_call_and_publishes_nothing()
    {
        _options.MaxCooksPerSecond = 1;
        var handler = new CookCommandHandler(Runner());
        await handler.Handle(new CookCommand(), default);

        var error = await Assert.ThrowsAsync<DomainException>(() => handler.Handle(new CookCommand(), default));

        Assert.Equal("kitchen.cook.too_fast", error.Code);
        Assert.Single(_published);
        Assert.Equal(1, _live.Session.Dishes);
    }

    [Fact]
    public async Task Collecting_passive_income_settles_automation_up_to_the_clocks_now()
    {
        Playing(KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Robot, 1).AccountedAt(Now.AddSeconds(-10)).Build());

        var result = await new CollectPassiveIncomeCommandHandler(Runner()).Handle(new CollectPassiveIncomeCommand(), default);

        Assert.Equal(10, result.Seconds);
        Assert.Equal(20, result.DishesCooked);
        Assert.Equal(20, result.Session.Dishes);
        Assert.Equal(Now, _live.Session.LastAccountedAt);
        Assert.Equal("passive", Assert.Single(_published).Name);
    }

    [Fact]
    public async Task Opening_a_session_asks_the_store_to_open_one_and_a_new_session_has_no_away_receipt()
    {
        // This call's store opened the session: the 90 s since its creation are not an absence to report.
        Playing(KitchenSession.Open(AccountId, Now.AddSeconds(-90)), opened: true);

        var result = await new OpenKitchenSessionCommandHandler(Runner()).Handle(new OpenKitchenSessionCommand(), default);

        Assert.Null(result.Away);
        Assert.Equal(AccountId, result.Session.UserId);
        Assert.Equal("ada@example.com", result.Session.UserEmail);
        _store.Verify(s => s.ExecuteAsync(AccountId, KitchenWrite.Behind, It.IsNotNull<Func<KitchenSession>>(), It.IsAny<Func<LiveKitchenSession, OpenKitchenSessionResult>>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Coming_back_after_an_absence_returns_the_away_receipt()
    {
        Playing(KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Robot, 1).AccountedAt(Now.AddSeconds(-90)).Build());

        var result = await new OpenKitchenSessionCommandHandler(Runner()).Handle(new OpenKitchenSessionCommand(), default);

        Assert.Equal(new KitchenAwayReceipt(90, 90, 180, 0, 0), result.Away);
        Assert.Equal(180, result.Session.Dishes);
    }

    [Fact]
    public async Task Opening_is_the_use_cases_decision_and_it_opens_the_callers_game_now()
    {
        await new OpenKitchenSessionCommandHandler(Runner()).Handle(new OpenKitchenSessionCommand(), default);

        var opened = Assert.IsType<Func<KitchenSession>>(_opening)();
        Assert.Equal(AccountId, opened.Id);
        Assert.Equal(Now, opened.CreatedAt);
        Assert.Equal(Now, opened.LastAccountedAt);
    }

    [Fact]
    public async Task Requests_other_than_session_never_open_a_game()
    {
        await new CookCommandHandler(Runner()).Handle(new CookCommand(), default);
        await new BuyUpgradeCommandHandler(Runner()).Handle(new BuyUpgradeCommand(KitchenCatalogBuilder.Knife), default);

        Assert.Null(_opening);
    }

    [Fact]
    public async Task Buying_an_upgrade_pays_automation_up_to_the_clocks_now_at_the_old_rates()
    {
        // 10 s of a robot (2 dishes/s) before the purchase: the handler need not settle it itself.
        Playing(KitchenSessionBuilder.New().WithMoney(100).WithUpgrade(KitchenCatalogBuilder.Robot, 1).AccountedAt(Now.AddSeconds(-10)).Build());

        var result = await new BuyUpgradeCommandHandler(Runner()).Handle(new BuyUpgradeCommand(KitchenCatalogBuilder.Robot), default);

        Assert.Equal(20, result.Session.Dishes);
        Assert.Equal(2, result.Upgrade.Level);
        Assert.Equal(Now, _live.Session.LastAccountedAt);
    }

    [Fact]
    public async Task Levelling_up_and_resetting_settle_automation_up_to_the_clocks_now()
    {
        StorePlays<LevelUpResult>();
        StorePlays<ResetKitchenSessionResult>();
        Playing(KitchenSessionBuilder.New().WithXpMilli(10_000).WithUpgrade(KitchenCatalogBuilder.Robot, 1).AccountedAt(Now.AddSeconds(-10)).Build());

        var levelled = await new LevelUpCommandHandler(Runner()).Handle(new LevelUpCommand(), default);

        Assert.Equal(20, levelled.Session.Dishes);
        Assert.Equal(Now, _live.Session.LastAccountedAt);

        Playing(KitchenSessionBuilder.New().WithDishes(2).WithUpgrade(KitchenCatalogBuilder.Waiter, 1).WithEarnings(run: 999_990, lifetime: 999_990).AccountedAt(Now.AddSeconds(-2)).Build());

        var reset = await new ResetKitchenSessionCommandHandler(Runner()).Handle(new ResetKitchenSessionCommand(), default);

        Assert.Equal(1_000_000, reset.RunEarnings);
        Assert.Equal(10, reset.PrestigeGained);
    }
}
