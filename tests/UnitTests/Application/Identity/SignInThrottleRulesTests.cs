using CleanGames.Application.Identity.Common;

namespace CleanGames.UnitTests.Application.Identity;

public sealed class SignInThrottleRulesTests
{
    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2:ffff:eeee:dddd:cccc", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:3::1", "2001:db8:1:3::/64")]
    [InlineData(null, "unknown")]
    [InlineData("not an address", "unknown")]
    public void An_ipv4_address_counts_alone_and_an_ipv6_one_by_its_64(string? address, string key) =>
        Assert.Equal(key, SignInThrottleKey.AddressKey(address));

    [Fact]
    public void A_known_account_is_keyed_by_its_id_whichever_login_named_it()
    {
        Assert.Equal(SignInThrottleKey.For(42, "ada", "203.0.113.7"), SignInThrottleKey.For(42, "ada@example.com", "203.0.113.7"));
        Assert.Equal("account:42", SignInThrottleKey.For(42, "ada", null).Subject);
    }

    [Fact]
    public void An_unknown_login_is_keyed_by_a_hash_of_the_login_in_any_case()
    {
        var key = SignInThrottleKey.For(null, " Ghost@Example.com", "203.0.113.7");

        Assert.Equal(key, SignInThrottleKey.For(null, "ghost@example.COM", "203.0.113.7"));
        Assert.NotEqual(key, SignInThrottleKey.For(null, "ghost2@example.com", "203.0.113.7"));
        Assert.DoesNotContain("ghost", key.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.True(key.Subject.Length <= SignInThrottleKey.MaxSubjectLength);
    }

    [Fact]
    public void After_the_free_failures_the_wait_doubles_up_to_the_cap()
    {
        var options = new SignInThrottleOptions { FreeFailures = 5, FirstDelaySeconds = 1, MaxDelaySeconds = 900 };

        Assert.All(Enumerable.Range(0, 5), failures => Assert.Equal(TimeSpan.Zero, options.DelayAfter(failures)));
        Assert.Equal([1, 2, 4, 8, 16, 32, 64, 128, 256, 512, 900, 900], Enumerable.Range(5, 12).Select(f => (int)options.DelayAfter(f).TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(900), options.DelayAfter(int.MaxValue));
    }
}
