using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;

namespace CleanGames.UnitTests.Mafia;

public sealed class LedgerRulesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 5, 12, 0, 0, TimeSpan.Zero);

    private static Wallet WalletOf(long owner) => Wallet.Open(owner, "EQ-ton-" + owner, "EQ-jetton-" + owner, Now);

    [Fact]
    public void Every_transaction_balances_and_moves_the_wallets_it_names()
    {
        var alice = WalletOf(1);
        var bob = WalletOf(2);
        var grant = LedgerTransaction.Grant(alice, 100, "promo", adminId: 9, Now);
        var gift = LedgerTransaction.Gift(alice, bob, 30, "hi", Now);
        var purchase = LedgerTransaction.Purchase(bob, 20, "title", "don", Now);
        var reward = LedgerTransaction.Reward(bob, 5, "game_reward", Now);

        Assert.All(new[] { grant, gift, purchase, reward }, t => Assert.Equal(0, t.Entries.Sum(e => e.Amount)));
        Assert.Equal((70L, 15L), (alice.Balance, bob.Balance));
        Assert.Equal(-100, grant.AmountFor(SystemAccounts.Treasury));
        Assert.Equal(20, purchase.AmountFor(SystemAccounts.ShopRevenue));
        Assert.Equal(-5, reward.AmountFor(SystemAccounts.RewardsPool));
        Assert.Equal((-30L, 30L), (gift.AmountFor(alice.Id), gift.AmountFor(bob.Id)));
        Assert.Equal(9, grant.ActorId);
        Assert.IsType<GiftSent>(Assert.Single(gift.DomainEvents));
    }

    [Fact]
    public void A_wallet_never_goes_below_zero_and_a_refused_spend_changes_nothing()
    {
        var alice = WalletOf(1);
        var bob = WalletOf(2);
        LedgerTransaction.Grant(alice, 10, "promo", 9, Now);

        var error = Assert.Throws<DomainException>(() => LedgerTransaction.Gift(alice, bob, 11, null, Now));
        Assert.Equal(EconomyErrors.InsufficientBalance.Code, error.Error.Code);
        Assert.Throws<DomainException>(() => LedgerTransaction.Purchase(alice, 11, "title", "don", Now));
        Assert.Equal((10L, 0L), (alice.Balance, bob.Balance));
        LedgerTransaction.Gift(alice, bob, 10, null, Now);
        Assert.Equal(0, alice.Balance);
    }

    [Fact]
    public void Nobody_gives_to_themselves_and_nothing_moves_a_non_positive_amount()
    {
        var alice = WalletOf(1);
        LedgerTransaction.Grant(alice, 10, "promo", 9, Now);
        Assert.Equal(EconomyErrors.GiftToSelf.Code, Assert.Throws<DomainException>(() => LedgerTransaction.Gift(alice, alice, 1, null, Now)).Error.Code);
        Assert.Throws<ArgumentOutOfRangeException>(() => LedgerTransaction.Grant(alice, 0, "none", 9, Now));
        Assert.Throws<ArgumentOutOfRangeException>(() => LedgerTransaction.Gift(alice, WalletOf(2), -1, null, Now));
        Assert.Equal(10, alice.Balance);
    }

    [Fact]
    public void A_wallet_history_has_one_order_even_within_one_instant()
    {
        var alice = WalletOf(1);
        var bob = WalletOf(2);
        var first = LedgerTransaction.Grant(alice, 5, "a", 9, Now);
        var second = LedgerTransaction.Grant(alice, 5, "b", 9, Now);
        var gift = LedgerTransaction.Gift(bob.Balance == 0 ? alice : bob, bob, 1, null, Now);
        Assert.True(first.CreatedAt < second.CreatedAt);
        Assert.True(second.CreatedAt < gift.CreatedAt);
    }
}

public sealed class LeaderboardPeriodTests
{
    [Theory]
    [InlineData("day", "2026-12-06T00:00:00Z")] // 23:30 at -03:00 is already the 6th in UTC
    [InlineData("week", "2026-11-30T00:00:00Z")] // the Monday of the week of Sunday 6 December
    [InlineData("month", "2026-12-01T00:00:00Z")]
    public void A_period_begins_at_its_utc_midnight(string period, string start) =>
        Assert.Equal(
            DateTimeOffset.Parse(start, System.Globalization.CultureInfo.InvariantCulture),
            CleanGames.Application.Mafia.Economy.Queries.GetLeaderboard.GetLeaderboardQueryHandler.PeriodStart(period, new DateTimeOffset(2026, 12, 5, 23, 30, 0, TimeSpan.FromHours(-3))));
}
