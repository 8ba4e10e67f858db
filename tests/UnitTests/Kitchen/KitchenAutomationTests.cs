using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.UnitTests.Kitchen;

public sealed class KitchenAutomationTests
{
    private static readonly DateTimeOffset Now = KitchenSessionBuilder.Now;
    private static readonly TimeSpan EightHours = TimeSpan.FromHours(8);
    private readonly KitchenCatalog _catalog = KitchenCatalogBuilder.Default();

    /// <summary>A robot at level 1: 2 dishes a second, nothing sold.</summary>
    private static KitchenSessionBuilder WithRobot() => KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Robot, 1);

    [Fact]
    public void Automation_credits_its_rate_for_every_whole_second_since_the_last_accounting()
    {
        var session = WithRobot().Build();

        var receipt = session.SettleAutomation(_catalog, Now.AddSeconds(3), EightHours);

        Assert.Equal(new AutomationReceipt(3, 3, 6, 0, 0), receipt);
        Assert.Equal(6, session.Dishes);
        Assert.Equal(Now.AddSeconds(3), session.LastAccountedAt);
    }

    [Fact]
    public void The_part_of_a_second_not_yet_elapsed_waits_for_the_next_accounting()
    {
        var session = WithRobot().Build();

        var first = session.SettleAutomation(_catalog, Now.AddSeconds(2.5), EightHours);

        Assert.Equal(2, first.Seconds);
        Assert.Equal(2, first.CreditedSeconds);
        Assert.Equal(4, first.DishesCooked);
        Assert.Equal(Now.AddSeconds(2), session.LastAccountedAt);

        var second = session.SettleAutomation(_catalog, Now.AddSeconds(3), EightHours);

        Assert.Equal(1, second.Seconds);
        Assert.Equal(2, second.DishesCooked);
        Assert.Equal(6, session.Dishes);
        Assert.Equal(Now.AddSeconds(3), session.LastAccountedAt);
    }

    [Fact]
    public void Less_than_a_second_credits_nothing_and_changes_nothing()
    {
        var session = WithRobot().Build();
        var revision = session.Revision;

        var receipt = session.SettleAutomation(_catalog, Now.AddMilliseconds(999), EightHours);

        Assert.Equal(AutomationReceipt.None, receipt);
        Assert.Equal(0, session.Dishes);
        Assert.Equal(Now, session.LastAccountedAt);
        Assert.Equal(revision, session.Revision);
    }

    [Fact]
    public void Accounting_every_second_earns_exactly_what_one_accounting_at_the_end_earns()
    {
        // Robot 2/s, waiter 1/s, spices ×1.5: 7 500 milli a dish, so single sales leave remainders.
        var start = KitchenSessionBuilder.New()
            .WithUpgrade(KitchenCatalogBuilder.Robot, 1)
            .WithUpgrade(KitchenCatalogBuilder.Waiter, 1)
            .WithUpgrade(KitchenCatalogBuilder.Spices, 1);
        var often = start.Build();
        var once = start.Build();
        var oftenReceipts = new List<AutomationReceipt>();

        for (var second = 1; second <= 10; second++)
        {
            oftenReceipts.Add(often.SettleAutomation(_catalog, Now.AddSeconds(second), EightHours));
        }

        var onceReceipt = once.SettleAutomation(_catalog, Now.AddSeconds(10), EightHours);

        Assert.Equal(new AutomationReceipt(10, 10, 20, 10, 75), onceReceipt);
        Assert.Equal(onceReceipt.DishesCooked, oftenReceipts.Sum(r => r.DishesCooked));
        Assert.Equal(onceReceipt.DishesSold, oftenReceipts.Sum(r => r.DishesSold));
        Assert.Equal(onceReceipt.MoneyEarned, oftenReceipts.Sum(r => r.MoneyEarned));
        Assert.Equal(once.Dishes, often.Dishes);
        Assert.Equal(once.Money, often.Money);
        Assert.Equal(once.MoneyRemainderMilli, often.MoneyRemainderMilli);
        Assert.Equal(once.LastAccountedAt, often.LastAccountedAt);
        Assert.Equal(10, often.Dishes);
        Assert.Equal(75, often.Money);
    }

    [Fact]
    public void Accounting_twice_at_the_same_moment_credits_the_seconds_only_once()
    {
        var session = WithRobot().Build();

        session.SettleAutomation(_catalog, Now.AddSeconds(5), EightHours);
        var again = session.SettleAutomation(_catalog, Now.AddSeconds(5), EightHours);

        Assert.Equal(AutomationReceipt.None, again);
        Assert.Equal(10, session.Dishes);
    }

    [Fact]
    public void A_long_absence_is_credited_up_to_the_offline_cap_and_the_clock_restarts_now()
    {
        var session = WithRobot().Build();
        var back = Now.AddHours(10);

        var receipt = session.SettleAutomation(_catalog, back, EightHours);

        Assert.Equal(36_000, receipt.Seconds);
        Assert.Equal(28_800, receipt.CreditedSeconds);
        Assert.Equal(57_600, receipt.DishesCooked);
        Assert.Equal(57_600, session.Dishes);
        Assert.Equal(back, session.LastAccountedAt);

        var next = session.SettleAutomation(_catalog, back.AddSeconds(1), EightHours);

        Assert.Equal(new AutomationReceipt(1, 1, 2, 0, 0), next);
    }

    [Fact]
    public void An_absence_shorter_than_the_cap_is_credited_in_full()
    {
        var session = WithRobot().Build();

        var receipt = session.SettleAutomation(_catalog, Now.AddHours(7), EightHours);

        Assert.Equal(25_200, receipt.CreditedSeconds);
        Assert.Equal(50_400, session.Dishes);
    }

    [Fact]
    public void Auto_sell_sells_at_most_its_rate_for_the_seconds_credited()
    {
        // Waiter level 3: 3 dishes a second; 5 seconds → 15 of the 100 on hand, at 5 coins each.
        var session = KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Waiter, 3).WithDishes(100).Build();

        var receipt = session.SettleAutomation(_catalog, Now.AddSeconds(5), EightHours);

        Assert.Equal(new AutomationReceipt(5, 5, 0, 15, 75), receipt);
        Assert.Equal(85, session.Dishes);
        Assert.Equal(75, session.Money);
        Assert.Equal(75, session.RunEarnings);
        Assert.Equal(75, session.LifetimeEarnings);
    }

    [Fact]
    public void Auto_sell_never_sells_more_dishes_than_are_on_hand()
    {
        var session = KitchenSessionBuilder.New().WithUpgrade(KitchenCatalogBuilder.Waiter, 3).WithDishes(4).Build();

        var receipt = session.SettleAutomation(_catalog, Now.AddSeconds(5), EightHours);

        Assert.Equal(4, receipt.DishesSold);
        Assert.Equal(20, receipt.MoneyEarned);
        Assert.Equal(0, session.Dishes);
        Assert.Equal(20, session.Money);
    }

    [Fact]
    public void Auto_sell_can_sell_the_dishes_auto_cook_made_in_the_same_accounting()
    {
        // Robot 2/s and waiter 3/s over 4 s: 8 cooked, all 8 sold (not 12).
        var session = KitchenSessionBuilder.New()
            .WithUpgrade(KitchenCatalogBuilder.Robot, 1)
            .WithUpgrade(KitchenCatalogBuilder.Waiter, 3)
            .Build();

        var receipt = session.SettleAutomation(_catalog, Now.AddSeconds(4), EightHours);

        Assert.Equal(new AutomationReceipt(4, 4, 8, 8, 40), receipt);
        Assert.Equal(0, session.Dishes);
    }

    [Fact]
    public void A_clock_that_goes_backwards_credits_nothing()
    {
        var session = WithRobot().WithDishes(3).Build();
        var revision = session.Revision;

        var receipt = session.SettleAutomation(_catalog, Now.AddSeconds(-30), EightHours);

        Assert.Equal(AutomationReceipt.None, receipt);
        Assert.Equal(3, session.Dishes);
        Assert.Equal(Now, session.LastAccountedAt);
        Assert.Equal(revision, session.Revision);

        var later = session.SettleAutomation(_catalog, Now.AddSeconds(1), EightHours);

        Assert.Equal(1, later.CreditedSeconds);
        Assert.Equal(5, session.Dishes);
    }

    [Fact]
    public void Without_automation_upgrades_time_passes_but_nothing_is_made()
    {
        var session = KitchenSessionBuilder.New().WithDishes(3).Build();

        var receipt = session.SettleAutomation(_catalog, Now.AddMinutes(1), EightHours);

        Assert.Equal(new AutomationReceipt(60, 60, 0, 0, 0), receipt);
        Assert.Equal(3, session.Dishes);
        Assert.Equal(0, session.Money);
        Assert.Equal(Now.AddMinutes(1), session.LastAccountedAt);
    }
}
