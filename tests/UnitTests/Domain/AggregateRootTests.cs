using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Accounts.Events;

namespace CleanGames.UnitTests.Domain;

public sealed class AggregateRootTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Creating_an_account_raises_AccountCreated_and_marks_it_changed()
    {
        var account = Account.Create("  Ada  ", Now);

        Assert.Equal("Ada", account.DisplayName);
        var created = Assert.IsType<AccountCreated>(Assert.Single(account.DomainEvents));
        Assert.Equal(account.Key, created.AccountKey);
        Assert.True(account.HasChanges);
    }

    [Fact]
    public void Saving_bumps_the_version_once_and_dequeues_the_events()
    {
        IAggregateRoot account = Account.Create("Ada", Now);

        account.IncrementVersion();
        var events = account.DequeueDomainEvents();

        Assert.Equal(1, account.Version);
        Assert.False(account.HasChanges);
        Assert.Single(events);
        Assert.Empty(account.DomainEvents);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void A_display_name_is_required(string name)
    {
        var error = Assert.Throws<DomainException>(() => Account.Create(name, Now));
        Assert.Equal("identity.account.display_name_required", error.Code);
    }

    [Fact]
    public void A_display_name_has_a_maximum_length()
    {
        var error = Assert.Throws<DomainException>(() => Account.Create(new string('a', Account.MaxDisplayNameLength + 1), Now));
        Assert.Equal("identity.account.display_name_too_long", error.Code);
    }

    [Fact]
    public void Failed_sign_ins_count_within_the_window_and_restart_after_it()
    {
        var account = Account.Create("Ada", Now);
        var window = TimeSpan.FromHours(1);

        Assert.Equal(1, account.RecordFailedSignIn(Now, window));
        Assert.Equal(2, account.RecordFailedSignIn(Now.AddMinutes(59), window));
        Assert.Equal(1, account.RecordFailedSignIn(Now.AddHours(1), window));
    }

    [Fact]
    public void A_successful_sign_in_clears_the_failure_count()
    {
        var account = Account.Create("Ada", Now);
        account.RecordFailedSignIn(Now, TimeSpan.FromHours(1));

        account.RecordSignIn(Now.AddMinutes(1));

        Assert.Equal(0, account.FailedSignInCount);
        Assert.Equal(Now.AddMinutes(1), account.LastLoginAt);
    }
}

public sealed class ValueObjectTests
{
    private sealed class Money(long minorUnits, string currency) : ValueObject
    {
        protected override IEnumerable<object?> GetEqualityComponents()
        {
            yield return minorUnits;
            yield return currency;
        }
    }

    [Fact]
    public void Value_objects_with_equal_components_are_equal()
    {
        Assert.Equal(new Money(100, "TON"), new Money(100, "TON"));
        Assert.True(new Money(100, "TON") == new Money(100, "TON"));
        Assert.Equal(new Money(100, "TON").GetHashCode(), new Money(100, "TON").GetHashCode());
    }

    [Fact]
    public void Value_objects_with_different_components_differ()
    {
        Assert.NotEqual(new Money(100, "TON"), new Money(101, "TON"));
        Assert.True(new Money(100, "TON") != new Money(100, "USD"));
    }
}
