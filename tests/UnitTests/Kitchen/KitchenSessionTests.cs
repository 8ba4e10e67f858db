using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.UnitTests.Kitchen;

public sealed class KitchenSessionTests
{
    private const int MaxCooks = 20;
    private static readonly DateTimeOffset Now = KitchenSessionBuilder.Now;
    private static readonly TimeSpan EightHours = TimeSpan.FromHours(8);
    private static readonly IReadOnlyDictionary<string, int> NoLevels = new Dictionary<string, int>();
    private readonly KitchenCatalog _catalog = KitchenCatalogBuilder.Default();

    [Fact]
    public void A_new_session_starts_at_rank_one_with_nothing_and_the_clock_at_now()
    {
        var session = KitchenSession.Open(KitchenSessionBuilder.AccountId, Now);

        Assert.Equal(KitchenSessionBuilder.AccountId, session.Id);
        Assert.Equal(1, session.Rank);
        Assert.Equal(0, session.Money);
        Assert.Equal(0, session.Dishes);
        Assert.Equal(0, session.XpMilli);
        Assert.Equal(0, session.TutorialStep);
        Assert.Empty(session.UpgradeLevels);
        Assert.Equal(Now, session.LastAccountedAt);
        Assert.Equal(Now, session.CreatedAt);
    }

    [Fact]
    public void A_plain_cook_makes_the_base_power_in_dishes_and_the_base_xp()
    {
        var session = KitchenSession.Open(KitchenSessionBuilder.AccountId, Now);

        var outcome = session.Cook(_catalog, Now, MaxCooks);

        Assert.Equal(new CookOutcome(1, 1_000), outcome);
        Assert.Equal(1, session.Dishes);
        Assert.Equal(1_000, session.XpMilli);
    }

    [Fact]
    public void Click_power_levels_add_dishes_and_xp_levels_multiply_the_xp_of_each_cook()
    {
        // Knife level 2: 1 + 2 = 3 dishes; cookbook level 1: 1 000 × 1.5 = 1 500 milli-xp.
        var session = KitchenSessionBuilder.New().AtRank(2).WithUpgrade(KitchenCatalogBuilder.Knife, 2).WithUpgrade(KitchenCatalogBuilder.Cookbook, 1).Build();

        var first = session.Cook(_catalog, Now, MaxCooks);
        session.Cook(_catalog, Now, MaxCooks);

        Assert.Equal(new CookOutcome(3, 1_500), first);
        Assert.Equal(6, session.Dishes);
        Assert.Equal(3_000, session.XpMilli);
        Assert.Equal(3, session.CookPower(_catalog));
        Assert.Equal(1.5m, session.XpMultiplier(_catalog));
    }

    [Fact]
    public void Selling_turns_every_dish_into_money_at_the_base_price()
    {
        var session = KitchenSessionBuilder.New().WithDishes(4).Build();

        var sale = session.Sell(_catalog);

        Assert.Equal(new SaleOutcome(4, 20), sale);
        Assert.Equal(0, session.Dishes);
        Assert.Equal(20, session.Money);
        Assert.Equal(20, session.RunEarnings);
        Assert.Equal(20, session.LifetimeEarnings);
    }

    [Fact]
    public void The_dish_price_is_base_times_upgrades_times_location_times_the_prestige_boost()
    {
        // 5 000 milli × 1.5 (spices level 1) × 2 (restaurant at rank 3) × 1.2 (10 points × 2%) = 18 000 milli.
        var session = KitchenSessionBuilder.New()
            .AtRank(3)
            .WithUpgrade(KitchenCatalogBuilder.Spices, 1)
            .WithPrestigePoints(10)
            .WithDishes(3)
            .Build();

        Assert.Equal(1.5m, session.PriceMultiplier(_catalog));
        Assert.Equal(KitchenCatalogBuilder.Restaurant, session.Location(_catalog).Id);
        Assert.Equal(0.2m, session.PrestigeBoost(_catalog));
        Assert.Equal(18_000, session.DishPriceMilli(_catalog));

        var sale = session.Sell(_catalog);

        Assert.Equal(new SaleOutcome(3, 54), sale);
        Assert.Equal(54, session.Money);
        Assert.Equal(0, session.MoneyRemainderMilli);
    }

    [Fact]
    public void The_thousandths_left_over_by_a_sale_are_carried_to_the_next_one()
    {
        // One prestige point: 5 000 × 1.02 = 5 100 milli a dish, so each single sale leaves 100 milli.
        var session = KitchenSessionBuilder.New().WithPrestigePoints(1).Build();
        var earned = new List<long>();

        for (var i = 0; i < 10; i++)
        {
            session.Cook(_catalog, Now, MaxCooks);
            earned.Add(session.Sell(_catalog).MoneyEarned);
        }

        Assert.Equal(5_100, session.DishPriceMilli(_catalog));
        Assert.Equal(new long[] { 5, 5, 5, 5, 5, 5, 5, 5, 5, 6 }, earned);
        Assert.Equal(51, session.Money);
        Assert.Equal(0, session.MoneyRemainderMilli);
        Assert.Equal(51, session.LifetimeEarnings);
    }

    [Fact]
    public void A_sale_that_does_not_make_a_whole_coin_keeps_the_fraction_as_remainder()
    {
        // Spices level 1: 7 500 milli a dish. One dish: 7 coins and 500 milli; the next: 8 coins and 0.
        var session = KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Spices, 1).WithDishes(1).Build();

        Assert.Equal(7, session.Sell(_catalog).MoneyEarned);
        Assert.Equal(500, session.MoneyRemainderMilli);

        session.Cook(_catalog, Now, MaxCooks);

        Assert.Equal(8, session.Sell(_catalog).MoneyEarned);
        Assert.Equal(0, session.MoneyRemainderMilli);
        Assert.Equal(15, session.Money);
    }

    [Fact]
    public void Selling_with_no_dishes_changes_nothing()
    {
        var session = KitchenSessionBuilder.New().WithMoney(12).WithMoneyRemainderMilli(300).AtTutorialStep(1).Build();
        var revision = session.Revision;

        var sale = session.Sell(_catalog);

        Assert.Equal(new SaleOutcome(0, 0), sale);
        Assert.Equal(revision, session.Revision);
        Assert.Equal(12, session.Money);
        Assert.Equal(300, session.MoneyRemainderMilli);
        Assert.Equal(0, session.RunEarnings);
        Assert.Equal(1, session.TutorialStep);
    }

    [Fact]
    public void Buying_an_upgrade_spends_its_price_and_raises_its_level()
    {
        var session = KitchenSessionBuilder.New().WithMoney(100).Build();

        var first = session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);
        var second = session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);

        Assert.Equal(1, first.Level);
        Assert.Equal(10, first.Price);
        Assert.Equal(2, second.Level);
        Assert.Equal(15, second.Price);
        Assert.Equal(KitchenCatalogBuilder.Knife, second.Upgrade.Id);
        Assert.Equal(75, session.Money);
        Assert.Equal(2, session.LevelOf(KitchenCatalogBuilder.Knife));
        Assert.Equal(3, session.CookPower(_catalog));
    }

    [Fact]
    public void An_unknown_upgrade_cannot_be_bought()
    {
        var session = KitchenSessionBuilder.New().WithMoney(1_000).Build();
        var revision = session.Revision;

        var error = Assert.Throws<DomainException>(() => session.BuyUpgrade(_catalog, "999", Now, EightHours));

        Assert.Equal("kitchen.upgrade.unknown", error.Code);
        Assert.Equal(1_000, session.Money);
        Assert.Empty(session.UpgradeLevels);
        Assert.Equal(revision, session.Revision);
    }

    [Fact]
    public void An_upgrade_above_the_cooks_rank_cannot_be_bought()
    {
        var session = KitchenSessionBuilder.New().WithMoney(1_000).Build();

        var error = Assert.Throws<DomainException>(() => session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Cookbook, Now, EightHours));

        Assert.Equal("kitchen.upgrade.rank_too_low", error.Code);
        Assert.Equal(1_000, session.Money);
        Assert.Equal(0, session.LevelOf(KitchenCatalogBuilder.Cookbook));
    }

    [Fact]
    public void An_upgrade_opens_at_its_required_rank()
    {
        var session = KitchenSessionBuilder.New().AtRank(2).WithMoney(1_000).Build();

        var purchase = session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Cookbook, Now, EightHours);

        Assert.Equal(1, purchase.Level);
        Assert.Equal(970, session.Money);
    }

    [Fact]
    public void A_maxed_upgrade_cannot_be_bought_again()
    {
        var session = KitchenSessionBuilder.New().WithMoney(1_000).WithUpgrade(KitchenCatalogBuilder.Knife, 5).Build();

        var error = Assert.Throws<DomainException>(() => session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours));

        Assert.Equal("kitchen.upgrade.maxed", error.Code);
        Assert.Equal(1_000, session.Money);
        Assert.Equal(5, session.LevelOf(KitchenCatalogBuilder.Knife));
    }

    [Fact]
    public void An_upgrade_cannot_be_bought_without_enough_money()
    {
        var session = KitchenSessionBuilder.New().WithMoney(9).Build();
        var revision = session.Revision;

        var error = Assert.Throws<DomainException>(() => session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours));

        Assert.Equal("kitchen.money.insufficient", error.Code);
        Assert.Equal(9, session.Money);
        Assert.Equal(0, session.LevelOf(KitchenCatalogBuilder.Knife));
        Assert.Equal(revision, session.Revision);
    }

    [Fact]
    public void Exactly_the_price_is_enough_money()
    {
        var session = KitchenSessionBuilder.New().WithMoney(10).Build();

        session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);

        Assert.Equal(0, session.Money);
        Assert.Equal(1, session.LevelOf(KitchenCatalogBuilder.Knife));
    }

    [Fact]
    public void The_price_of_the_next_level_is_the_floor_of_base_times_growth_to_the_level()
    {
        // Knife: 10 × 1.5^level = 10, 15, 22.5, 33.75, 50.625; flooring each step instead would give 49 at level 4.
        var knife = _catalog.FindUpgrade(KitchenCatalogBuilder.Knife)!;

        var prices = Enumerable.Range(0, 6).Select(level => knife.PriceOfNextLevel(level));

        Assert.Equal(new long?[] { 10, 15, 22, 33, 50, null }, prices);
        Assert.Null(knife.PriceOfNextLevel(-1));
    }

    [Fact]
    public void Checking_the_level_reports_the_xp_the_next_rank_needs()
    {
        var session = KitchenSessionBuilder.New().AtRank(2).WithXpMilli(4_000).Build();
        var revision = session.Revision;

        var progress = session.CheckLevel(_catalog);

        Assert.Equal(new LevelProgress(2, 4_000, 20_000), progress);
        Assert.Equal(16_000, progress.RemainingMilli);
        Assert.False(progress.CanLevelUp);
        Assert.False(progress.IsTopRank);
        Assert.Equal(revision, session.Revision);
    }

    [Fact]
    public void A_cook_cannot_level_up_without_enough_xp()
    {
        var session = KitchenSessionBuilder.New().WithXpMilli(9_999).Build();

        var error = Assert.Throws<DomainException>(() => session.LevelUp(_catalog, Now, EightHours));

        Assert.Equal("kitchen.level.not_enough_xp", error.Code);
        Assert.Equal(1, session.Rank);
        Assert.Equal(9_999, session.XpMilli);
    }

    [Fact]
    public void The_top_rank_cannot_be_left()
    {
        var session = KitchenSessionBuilder.New().AtRank(5).WithXpMilli(1_000_000).Build();

        var progress = session.CheckLevel(_catalog);
        var error = Assert.Throws<DomainException>(() => session.LevelUp(_catalog, Now, EightHours));

        Assert.True(progress.IsTopRank);
        Assert.False(progress.CanLevelUp);
        Assert.Null(progress.XpToNextMilli);
        Assert.Equal("kitchen.level.top_rank", error.Code);
        Assert.Equal(5, session.Rank);
        Assert.Equal(1_000_000, session.XpMilli);
    }

    [Fact]
    public void Levelling_up_spends_the_xp_of_the_rank_and_carries_the_rest_over()
    {
        var session = KitchenSessionBuilder.New().WithXpMilli(12_500).Build();

        var outcome = session.LevelUp(_catalog, Now, EightHours);

        Assert.Equal(1, outcome.PreviousRank);
        Assert.Equal(2, outcome.Rank);
        Assert.Equal(2, session.Rank);
        Assert.Equal(2_500, session.XpMilli);
        Assert.Equal(KitchenCatalogBuilder.Cookbook, Assert.Single(outcome.UnlockedUpgrades).Id);
        Assert.Null(outcome.UnlockedLocation);
    }

    [Fact]
    public void Exactly_the_xp_of_the_rank_is_enough_to_level_up()
    {
        var session = KitchenSessionBuilder.New().WithXpMilli(10_000).Build();

        session.LevelUp(_catalog, Now, EightHours);

        Assert.Equal(2, session.Rank);
        Assert.Equal(0, session.XpMilli);
    }

    [Fact]
    public void Reaching_a_rank_with_a_location_unlocks_it_and_raises_the_dish_price()
    {
        var session = KitchenSessionBuilder.New().AtRank(2).WithXpMilli(20_000).Build();
        Assert.Equal(5_000, session.DishPriceMilli(_catalog));

        var outcome = session.LevelUp(_catalog, Now, EightHours);

        Assert.Equal(KitchenCatalogBuilder.Restaurant, outcome.UnlockedLocation?.Id);
        Assert.Empty(outcome.UnlockedUpgrades);
        Assert.Equal(10_000, session.DishPriceMilli(_catalog));
    }

    [Fact]
    public void Prestige_needs_the_threshold_earned_in_this_run()
    {
        var session = KitchenSessionBuilder.New().WithMoney(500).WithEarnings(run: 999_999, lifetime: 5_000_000).Build();

        var error = Assert.Throws<DomainException>(() => session.ResetForPrestige(_catalog, Now, EightHours));

        Assert.Equal("kitchen.prestige.not_ready", error.Code);
        Assert.False(session.CanResetForPrestige(_catalog));
        Assert.Equal(500, session.Money);
        Assert.Equal(999_999, session.RunEarnings);
        Assert.Equal(0, session.PrestigePoints);
    }

    [Fact]
    public void Prestige_brings_the_points_up_to_the_floor_of_the_square_root_of_lifetime_earnings_over_the_divisor()
    {
        // sqrt(2 250 000 / 10 000) = sqrt(225) = 15 points in all; 3 are already owned, so 12 are added.
        var session = KitchenSessionBuilder.New().WithPrestigePoints(3).WithEarnings(run: 1_500_000, lifetime: 2_250_000).Build();
        Assert.Equal(12, session.PendingPrestigePoints(_catalog));

        var outcome = session.ResetForPrestige(_catalog, Now.AddHours(1), EightHours);

        Assert.Equal(new PrestigeOutcome(12, 1_500_000), outcome);
        Assert.Equal(15, session.PrestigePoints);
        Assert.Equal(0.3m, session.PrestigeBoost(_catalog));
    }

    [Fact]
    public void Resetting_often_earns_no_more_prestige_than_resetting_once()
    {
        var once = KitchenSessionBuilder.New().WithEarnings(run: 4_000_000, lifetime: 4_000_000).Build();
        once.ResetForPrestige(_catalog, Now, EightHours);

        var often = KitchenSessionBuilder.New().WithEarnings(run: 1_000_000, lifetime: 1_000_000).Build();
        often.ResetForPrestige(_catalog, Now, EightHours);
        for (var lifetime = 2_000_000L; lifetime <= 4_000_000; lifetime += 1_000_000)
        {
            var snapshot = often.Snapshot() with { RunEarnings = 1_000_000, LifetimeEarnings = lifetime };
            often.Restore(snapshot);
            often.ResetForPrestige(_catalog, Now, EightHours);
        }

        Assert.Equal(20, once.PrestigePoints);
        Assert.Equal(once.PrestigePoints, often.PrestigePoints);
    }

    [Fact]
    public void Prestige_starts_a_new_run_but_keeps_the_points_and_lifetime_earnings()
    {
        var later = Now.AddHours(1);
        var session = KitchenSessionBuilder.New()
            .WithMoney(900_000)
            .WithMoneyRemainderMilli(400)
            .WithDishes(30)
            .WithXpMilli(7_000)
            .AtRank(4)
            .WithUpgrade(KitchenCatalogBuilder.Knife, 3)
            .WithUpgrade(KitchenCatalogBuilder.Robot, 2)
            .WithPrestigePoints(2)
            .WithEarnings(run: 1_000_000, lifetime: 3_000_000)
            .Build();

        // sqrt(3 000 000 / 10 000) = 17.3 → 17 points in all.
        session.ResetForPrestige(_catalog, later, EightHours);

        Assert.Equal(0, session.Money);
        Assert.Equal(0, session.MoneyRemainderMilli);
        Assert.Equal(0, session.Dishes);
        Assert.Equal(0, session.XpMilli);
        Assert.Equal(1, session.Rank);
        Assert.Empty(session.UpgradeLevels);
        Assert.Equal(0, session.RunEarnings);
        Assert.Equal(later, session.LastAccountedAt);
        Assert.Equal(17, session.PrestigePoints);
        Assert.Equal(3_000_000, session.LifetimeEarnings);
        Assert.False(session.CanResetForPrestige(_catalog));
    }

    [Fact]
    public void Prestige_points_raise_the_price_of_every_later_sale()
    {
        var session = KitchenSessionBuilder.New().WithEarnings(run: 1_000_000, lifetime: 1_000_000).Build();
        session.ResetForPrestige(_catalog, Now, EightHours);

        session.Cook(_catalog, Now, MaxCooks);
        var sale = session.Sell(_catalog);

        // 10 points × 2% → 5 000 × 1.2 = 6 000 milli a dish.
        Assert.Equal(6, sale.MoneyEarned);
        Assert.Equal(6, session.RunEarnings);
        Assert.Equal(1_000_006, session.LifetimeEarnings);
    }

    [Fact]
    public void The_tutorial_advances_only_on_the_action_its_current_step_asks_for()
    {
        var session = KitchenSessionBuilder.New().WithMoney(100).WithDishes(5).WithXpMilli(40_000).Build();
        Assert.Equal("cook", session.CurrentTutorialStep(_catalog));

        session.Sell(_catalog);
        session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);
        Assert.Equal(0, session.TutorialStep);

        session.Cook(_catalog, Now, MaxCooks);
        session.Cook(_catalog, Now, MaxCooks);
        Assert.Equal(1, session.TutorialStep);
        Assert.Equal("sell", session.CurrentTutorialStep(_catalog));

        session.LevelUp(_catalog, Now, EightHours);
        Assert.Equal(1, session.TutorialStep);

        session.Sell(_catalog);
        Assert.Equal(2, session.TutorialStep);

        session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);
        Assert.Equal(3, session.TutorialStep);
        Assert.False(session.TutorialCompleted(_catalog));

        session.LevelUp(_catalog, Now, EightHours);
        Assert.Equal(4, session.TutorialStep);
        Assert.True(session.TutorialCompleted(_catalog));
        Assert.Null(session.CurrentTutorialStep(_catalog));

        session.Cook(_catalog, Now, MaxCooks);
        Assert.Equal(4, session.TutorialStep);
    }

    [Fact]
    public void A_snapshot_restores_every_stored_value()
    {
        var original = KitchenSessionBuilder.New()
            .WithMoney(1_234)
            .WithMoneyRemainderMilli(567)
            .WithDishes(89)
            .WithXpMilli(15_500)
            .AtRank(3)
            .WithPrestigePoints(4)
            .WithEarnings(run: 2_345, lifetime: 6_789)
            .AtTutorialStep(2)
            .WithUpgrade(KitchenCatalogBuilder.Knife, 3)
            .WithUpgrade(KitchenCatalogBuilder.Waiter, 1)
            .AccountedAt(Now.AddMinutes(-5))
            .Snapshot();

        var copy = KitchenSession.FromSnapshot(original).Snapshot();

        Assert.Equal(original with { UpgradeLevels = NoLevels }, copy with { UpgradeLevels = NoLevels });
        Assert.Equal("1=3,4=1", Levels(copy));
        Assert.Equal(Levels(original), Levels(copy));
    }

    [Fact]
    public void Restoring_a_snapshot_undoes_every_change_made_after_it()
    {
        var session = KitchenSessionBuilder.New().WithMoney(100).WithDishes(2).Build();
        var before = session.Snapshot();

        session.Cook(_catalog, Now, MaxCooks);
        session.Sell(_catalog);
        session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);
        session.SettleAutomation(_catalog, Now.AddSeconds(30), TimeSpan.FromHours(8));
        session.Restore(before);

        var after = session.Snapshot();
        Assert.Equal(before with { UpgradeLevels = NoLevels }, after with { UpgradeLevels = NoLevels });
        Assert.Empty(after.UpgradeLevels);
        Assert.Equal(0, session.LevelOf(KitchenCatalogBuilder.Knife));
    }

    [Fact]
    public void A_snapshot_is_not_changed_by_later_play()
    {
        var session = KitchenSessionBuilder.New().WithMoney(100).WithUpgrade(KitchenCatalogBuilder.Knife, 1).Build();
        var snapshot = session.Snapshot();

        session.BuyUpgrade(_catalog, KitchenCatalogBuilder.Knife, Now, EightHours);

        Assert.Equal(1, snapshot.UpgradeLevels[KitchenCatalogBuilder.Knife]);
        Assert.Equal(100, snapshot.Money);
    }

    [Fact]
    public void A_snapshot_of_another_account_cannot_be_restored()
    {
        var session = KitchenSessionBuilder.New().WithMoney(5).Build();
        var other = KitchenSessionBuilder.New().WithMoney(999).Snapshot() with { AccountId = 8 };

        Assert.Throws<ArgumentException>(() => session.Restore(other));
        Assert.Equal(5, session.Money);
    }

    private static string Levels(KitchenSessionSnapshot snapshot) =>
        string.Join(",", snapshot.UpgradeLevels.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));
}
