using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.UnitTests.Kitchen;

/// <summary>The cook limit with a fake clock: every cook names its own moment.</summary>
public sealed class CookRateLimitTests
{
    private const int Limit = 20;
    private static readonly DateTimeOffset T0 = KitchenSessionBuilder.Now;
    private readonly KitchenCatalog _catalog = KitchenCatalogBuilder.Default();
    private readonly KitchenSession _session = KitchenSession.Open(KitchenSessionBuilder.AccountId, T0);

    private void CookTimes(int times, DateTimeOffset at)
    {
        for (var i = 0; i < times; i++)
        {
            _session.Cook(_catalog, at, Limit);
        }
    }

    /// <summary>Cooks at <paramref name="at"/> until one is refused; returns how many were admitted.</summary>
    private int CookUntilRefused(DateTimeOffset at)
    {
        var admitted = 0;
        while (admitted <= Limit * 2)
        {
            try
            {
                _session.Cook(_catalog, at, Limit);
                admitted++;
            }
            catch (DomainException error) when (error.Code == "kitchen.cook.too_fast")
            {
                return admitted;
            }
        }

        return admitted;
    }

    [Fact]
    public void Twenty_cooks_at_the_same_instant_are_all_admitted()
    {
        CookTimes(Limit, T0);

        Assert.Equal(20, _session.Dishes);
        Assert.Equal(20_000, _session.XpMilli);
    }

    [Fact]
    public void The_twenty_first_cook_within_a_second_is_refused_and_not_counted()
    {
        CookTimes(Limit, T0);
        var revision = _session.Revision;

        var error = Assert.Throws<DomainException>(() => _session.Cook(_catalog, T0, Limit));

        Assert.Equal("kitchen.cook.too_fast", error.Code);
        Assert.Equal(20, _session.Dishes);
        Assert.Equal(20_000, _session.XpMilli);
        Assert.Equal(revision, _session.Revision);
    }

    [Fact]
    public void A_cook_just_under_a_second_after_a_full_burst_is_still_refused()
    {
        CookTimes(Limit, T0);

        var error = Assert.Throws<DomainException>(() => _session.Cook(_catalog, T0.AddTicks(TimeSpan.TicksPerSecond - 1), Limit));

        Assert.Equal("kitchen.cook.too_fast", error.Code);
        Assert.Equal(20, _session.Dishes);
    }

    [Fact]
    public void Once_a_second_has_passed_a_full_second_of_cooks_is_admitted_again()
    {
        CookTimes(Limit, T0);
        Assert.Throws<DomainException>(() => _session.Cook(_catalog, T0, Limit));

        var admitted = CookUntilRefused(T0.AddSeconds(1));

        Assert.Equal(20, admitted);
        Assert.Equal(40, _session.Dishes);
    }

    [Fact]
    public void The_window_slides_so_only_cooks_older_than_a_second_free_their_place()
    {
        // 10 at 0 s and 10 at 0.5 s: at 1.0 s the first ten have left the window, the other ten have not.
        CookTimes(10, T0);
        CookTimes(10, T0.AddMilliseconds(500));

        var atOneSecond = CookUntilRefused(T0.AddSeconds(1));

        Assert.Equal(10, atOneSecond);
        Assert.Equal(30, _session.Dishes);

        var atOneAndAHalf = CookUntilRefused(T0.AddMilliseconds(1_500));

        Assert.Equal(10, atOneAndAHalf);
        Assert.Equal(40, _session.Dishes);
    }

    [Fact]
    public void Refused_cooks_do_not_use_up_places_in_the_window()
    {
        CookTimes(Limit, T0);
        for (var i = 0; i < 5; i++)
        {
            Assert.Throws<DomainException>(() => _session.Cook(_catalog, T0.AddMilliseconds(900), Limit));
        }

        var admitted = CookUntilRefused(T0.AddSeconds(1));

        Assert.Equal(20, admitted);
    }

    [Fact]
    public void Cooks_spread_evenly_at_the_limit_are_never_refused()
    {
        // One cook every 50 ms is exactly 20 a second, for five seconds.
        for (var i = 0; i < 100; i++)
        {
            _session.Cook(_catalog, T0.AddMilliseconds(50 * i), Limit);
        }

        Assert.Equal(100, _session.Dishes);
    }

    [Fact]
    public void A_lower_limit_refuses_sooner()
    {
        _session.Cook(_catalog, T0, 2);
        _session.Cook(_catalog, T0, 2);

        var error = Assert.Throws<DomainException>(() => _session.Cook(_catalog, T0, 2));

        Assert.Equal("kitchen.cook.too_fast", error.Code);
        Assert.Equal(2, _session.Dishes);
    }
}
