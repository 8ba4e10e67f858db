using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Accounts.Events;

namespace CleanGames.UnitTests.Domain;

public sealed class AggregateRootTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Account NewAccount(string? displayName = "Ada") =>
        Account.RegisterWithPassword("ada@example.com", "ada", "hash", displayName, Now);

    [Fact]
    public void Creating_an_account_raises_AccountCreated_and_marks_it_changed()
    {
        var account = NewAccount("  Ada  ");

        Assert.Equal("Ada", account.DisplayName);
        var created = Assert.IsType<AccountCreated>(Assert.Single(account.DomainEvents));
        Assert.Equal(account.Key, created.AccountKey);
        Assert.True(account.HasChanges);
        Assert.Equal(AccountRoles.User, account.Roles);
    }

    [Fact]
    public void Saving_bumps_the_version_once_and_dequeues_the_events()
    {
        IAggregateRoot account = NewAccount();

        account.IncrementVersion();
        var events = account.DequeueDomainEvents();

        Assert.Equal(1, account.Version);
        Assert.False(account.HasChanges);
        Assert.Single(events);
        Assert.Empty(account.DomainEvents);
    }

    [Fact]
    public void An_account_needs_an_email_or_a_username()
    {
        var error = Assert.Throws<DomainException>(() => Account.RegisterWithPassword(" ", null, "hash", null, Now));
        Assert.Equal("identity.account.no_credential", error.Code);
    }

    [Fact]
    public void A_display_name_has_a_maximum_length()
    {
        var error = Assert.Throws<DomainException>(() => NewAccount(new string('a', Account.MaxDisplayNameLength + 1)));
        Assert.Equal("identity.account.display_name_too_long", error.Code);
    }

    [Fact]
    public void The_shown_name_falls_back_to_the_username_then_the_telegram_first_name()
    {
        Assert.Equal("ada", NewAccount(displayName: null).EffectiveDisplayName);
        var telegram = Account.RegisterWithTelegram(new TelegramIdentity(42, "tg_ada", "Ada", "L", "en", null, null), Now);
        Assert.Equal("Ada", telegram.EffectiveDisplayName);
    }

    [Fact]
    public void Email_and_username_are_compared_case_insensitively()
    {
        var account = Account.RegisterWithPassword(" Ada@Example.COM ", "AdaL", "hash", null, Now);
        Assert.Equal("ADA@EXAMPLE.COM", account.NormalizedEmail);
        Assert.Equal("ADAL", account.NormalizedUsername);
        Assert.Equal("Ada@Example.COM", account.Email);
    }

    [Fact]
    public void A_successful_sign_in_records_its_time_and_raises_an_event()
    {
        var account = NewAccount();

        account.RecordSignIn(Now.AddMinutes(1));

        Assert.Equal(Now.AddMinutes(1), account.LastLoginAt);
        Assert.Contains(account.DomainEvents, e => e is AccountSignedIn signedIn && signedIn.AccountKey == account.Key);
    }

    [Fact]
    public void A_banned_account_cannot_sign_in()
    {
        var account = NewAccount();
        account.Ban();
        var error = Assert.Throws<DomainException>(() => account.RecordSignIn(Now));
        Assert.Equal("identity.account.banned", error.Code);
    }

    [Fact]
    public void Granting_a_role_twice_changes_nothing_the_second_time()
    {
        var account = NewAccount();
        account.GrantRole(AccountRoles.Admin);
        account.GrantRole(AccountRoles.Admin);
        Assert.Equal(["user", "admin"], AccountRoleNames.Of(account.Roles));
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
