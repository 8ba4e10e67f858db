using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Ingestion.Commands.IngestBatch;
using CleanGames.Application.BotAnalytics.Records.Common;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.Common;

namespace CleanGames.UnitTests.BotAnalytics;

public sealed class BotAnalyticsRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 1, 5, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("199.99", 1_999_900L)]
    [InlineData("0.0001", 1L)]
    [InlineData("-5", -50_000L)]
    [InlineData("100", 1_000_000L)]
    public void Amounts_are_exact_ten_thousandths(string text, long units)
    {
        var value = decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(Amount.IsRepresentable(value));
        Assert.Equal(units, Amount.ToUnits(value));
        Assert.Equal(value, Amount.FromUnits(units));
        Assert.Equal(text, Amount.FromUnits(units).ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_amount_with_more_than_four_decimals_is_refused_not_rounded()
    {
        Assert.False(Amount.IsRepresentable(1.23456m));
        Assert.Throws<ArgumentOutOfRangeException>(() => Amount.ToUnits(1.23456m));
        Assert.False(Amount.IsRepresentable(decimal.MaxValue));
    }

    [Fact]
    public void An_identical_resent_record_changes_nothing_and_a_different_one_marks_the_row_changed()
    {
        var facts = new PaymentFacts(1, 100, "RUB", "PAID", "p", Now, PaymentKind.Key, null);
        var payment = Payment.Record(1, "bill", facts);
        Assert.Equal(PaymentKind.Key, payment.Kind);

        var user = BotUser.Record(1, 42, "a", Now, null, null);
        var subscription = Subscription.Record(1, "s", new SubscriptionFacts(null, 42, "Active", Now, null, true, null, null));
        Assert.False(Reloaded(payment).HasChanges);

        var storedPayment = Reloaded(payment);
        storedPayment.Update(facts);
        Assert.False(storedPayment.HasChanges);
        storedPayment.Update(facts with { Status = "REFUNDED" });
        Assert.True(storedPayment.HasChanges);
        Assert.Equal("REFUNDED", storedPayment.Status);

        var storedUser = Reloaded(user);
        storedUser.Update("a", Now.ToOffset(TimeSpan.FromHours(3)), null, null);
        Assert.False(storedUser.HasChanges);

        var storedSubscription = Reloaded(subscription);
        storedSubscription.Update(new SubscriptionFacts(null, 42, "Active", Now, null, true, null, null));
        Assert.False(storedSubscription.HasChanges);
        storedSubscription.Update(new SubscriptionFacts(null, 42, "Expired", Now, Now.AddDays(1), true, 3, null));
        Assert.True(storedSubscription.HasChanges);
    }

    [Fact]
    public void A_bot_is_owned_by_its_admin_and_a_rotation_replaces_the_key_hash()
    {
        var (key, hash) = IngestKeys.New(123456);
        var bot = Bot.Register(123456, 777, hash, Now);
        Assert.True(bot.IsOwnedBy(777));
        Assert.False(bot.IsOwnedBy(778));
        Assert.Throws<DomainException>(() => Bot.Register(0, 777, hash, Now));

        Assert.True(IngestKeys.TryParse(key, out var telegramBotId, out var secret));
        Assert.Equal(123456, telegramBotId);
        Assert.True(IngestKeys.Matches(secret, bot.IngestKeyHash));

        var (_, newHash) = IngestKeys.New(123456);
        bot.RotateIngestKey(newHash, Now.AddMinutes(1));
        Assert.False(IngestKeys.Matches(secret, bot.IngestKeyHash));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("cgik_")]
    [InlineData("cgik_12")]
    [InlineData("cgik_12_")]
    [InlineData("cgik_-1_abc")]
    [InlineData("other_12_abc")]
    public void Malformed_keys_do_not_parse(string? key) => Assert.False(IngestKeys.TryParse(key, out _, out _));

    [Fact]
    public void A_day_range_covers_its_whole_last_day()
    {
        var (start, endBefore) = DayRange.Of(new DateOnly(2024, 1, 5), new DateOnly(2024, 1, 5));
        Assert.Equal(new DateTimeOffset(2024, 1, 5, 0, 0, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateTimeOffset(2024, 1, 6, 0, 0, 0, TimeSpan.Zero), endBefore);
    }

    [Fact]
    public void The_batch_validator_names_each_bad_record_by_its_path()
    {
        var batch = new IngestBatch(
            Users: [new IngestUser(UserId: 1, RegDate: Now), new IngestUser(Username: "x")],
            Payments: [new IngestPayment(BillId: "b", Date: Now, Kind: "gift")]);
        var errors = new IngestBatchValidator().Validate(batch).Errors.Select(e => e.PropertyName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(["Payments[0].Kind", "Users[1].RegDate", "Users[1].UserId"], errors);
    }

    [Fact]
    public void A_null_record_is_one_error_at_its_index()
    {
        var errors = new IngestBatchValidator().Validate(new IngestBatch(Subscriptions: [null])).Errors.Select(e => e.PropertyName).ToArray();
        Assert.Equal(["Subscriptions[0]"], errors);
    }

    /// <summary>The aggregate as a later request loads it: no pending changes.</summary>
    private static T Reloaded<T>(T aggregate)
        where T : class
    {
        var copy = (T)System.Runtime.CompilerServices.RuntimeHelpers.GetUninitializedObject(typeof(T));
        for (var type = typeof(T); type is not null; type = type.BaseType)
        {
            foreach (var field in type.GetFields(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.DeclaredOnly))
            {
                field.SetValue(copy, field.Name.Contains("HasChanges", StringComparison.Ordinal) ? false : field.GetValue(aggregate));
            }
        }

        return copy;
    }
}
