using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.UnitTests.Kitchen;

/// <summary>
/// A change of rate (an upgrade, a rank, a prestige reset) settles automation itself first, so the
/// time before it is paid at the old rates; no caller has to remember to do it.
/// </summary>
public sealed class KitchenSettlementTests
{
    private static readonly DateTimeOffset Now = KitchenSessionBuilder.Now;
    private static readonly TimeSpan EightHours = TimeSpan.FromHours(8);
    private readonly KitchenCatalog _catalog = KitchenCatalogBuilder.Default();

    [Fact]
    public void Buying_an_upgrade_settles_automation_at_the_old_rates_first()
    {
        // A robot (2 dishes/s) for 10 s: 20 dishes cooked before the second robot level exists.
        var session = KitchenSessionBuilder.New().WithMoney(100).WithUpgrade(KitchenCatalogBuilder.Robot, 1).Build();

        var purchase = session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Robot, Now.AddSeconds(10), EightHours);

        Assert.Equal(2, purchase.Level);
        Assert.Equal(20, session.Dishes);
        Assert.Equal(Now.AddSeconds(10), session.LastAccountedAt);
        Assert.Equal(40, session.Money);
    }

    [Fact]
    public void Automation_income_earned_before_a_purchase_can_pay_for_it()
    {
        // A waiter sells 1 dish/s at 5 coins: 10 s of selling pays for the 10-coin knife.
        var session = KitchenSessionBuilder.New().WithDishes(10).WithUpgrade(KitchenCatalogBuilder.Waiter, 1).Build();

        session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now.AddSeconds(10), EightHours);

        Assert.Equal(1, session.LevelOf(KitchenCatalogBuilder.Knife));
        Assert.Equal(40, session.Money);
        Assert.Equal(0, session.Dishes);
    }

    [Fact]
    public void A_refused_purchase_undoes_its_settlement()
    {
        var session = KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Robot, 1).Build();
        var before = session.Snapshot();

        var error = Assert.Throws<DomainException>(() => session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now.AddSeconds(10), EightHours));

        Assert.Equal("kitchen.money.insufficient", error.Code);
        var after = session.Snapshot();
        Assert.Equal(before.UpgradeLevels, after.UpgradeLevels);
        Assert.Equal(before, after with { UpgradeLevels = before.UpgradeLevels });
    }

    [Fact]
    public void Rising_to_a_dearer_location_sells_the_automation_before_it_at_the_old_price()
    {
        // Rank 2 → 3 opens the restaurant (×2); the waiter's 10 dishes before it sell at 5 coins.
        var session = KitchenSessionBuilder.New().AtRank(2).WithXpMilli(20_000).WithDishes(10).WithUpgrade(KitchenCatalogBuilder.Waiter, 1).Build();

        var outcome = session.LevelUp(_catalog, Now.AddSeconds(10), EightHours);

        Assert.Equal(3, outcome.Rank);
        Assert.Equal(50, session.Money);
        Assert.Equal(Now.AddSeconds(10), session.LastAccountedAt);
        Assert.Equal(10_000, session.DishPriceMilli(_catalog));
    }

    [Fact]
    public void A_refused_level_up_settles_nothing()
    {
        var session = KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Robot, 1).Build();
        var revision = session.Revision;

        var error = Assert.Throws<DomainException>(() => session.LevelUp(_catalog, Now.AddSeconds(10), EightHours));

        Assert.Equal("kitchen.level.not_enough_xp", error.Code);
        Assert.Equal(0, session.Dishes);
        Assert.Equal(Now, session.LastAccountedAt);
        Assert.Equal(revision, session.Revision);
    }

    [Fact]
    public void The_runs_automation_income_counts_towards_the_prestige_threshold()
    {
        // 999 990 earned; the waiter sells 2 dishes at 5 coins in 2 s, which reaches 1 000 000.
        var session = KitchenSessionBuilder.New().WithDishes(2).WithUpgrade(KitchenCatalogBuilder.Waiter, 1).WithEarnings(run: 999_990, lifetime: 999_990).Build();

        var outcome = session.ResetForPrestige(_catalog, Now.AddSeconds(2), EightHours);

        Assert.Equal(new PrestigeOutcome(10, 1_000_000), outcome);
        Assert.Equal(1_000_000, session.LifetimeEarnings);
        Assert.Equal(Now.AddSeconds(2), session.LastAccountedAt);
    }

    [Fact]
    public void A_refused_prestige_reset_undoes_its_settlement()
    {
        var session = KitchenSessionBuilder.New().WithDishes(2).WithUpgrade(KitchenCatalogBuilder.Waiter, 1).WithEarnings(run: 10, lifetime: 10).Build();
        var before = session.Snapshot();

        var error = Assert.Throws<DomainException>(() => session.ResetForPrestige(_catalog, Now.AddSeconds(2), EightHours));

        Assert.Equal("kitchen.prestige.not_ready", error.Code);
        var after = session.Snapshot();
        Assert.Equal(before.UpgradeLevels, after.UpgradeLevels);
        Assert.Equal(before, after with { UpgradeLevels = before.UpgradeLevels });
    }
}
