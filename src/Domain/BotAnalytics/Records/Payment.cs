using CleanGames.Domain.Common;

namespace CleanGames.Domain.BotAnalytics.Records;

/// <summary>What a payment bought, for the dashboard's daily keys, renewals and payments.</summary>
public enum PaymentKind
{
    Subscription,
    Key,
    Renewal,
    Other,
}

/// <summary>
/// A payment a bot reported, keyed within the bot by its <see cref="BillId"/>: a resent record updates
/// the same row; its date is kept in UTC. <see cref="Amount"/> is in <see cref="Records.Amount"/> units (ten-thousandths);
/// only payments whose <see cref="Status"/> is <see cref="PaidStatus"/> count as revenue.
/// </summary>
public sealed class Payment : AggregateRoot<long>
{
    public const string PaidStatus = "PAID";

    private Payment()
    {
        BillId = string.Empty;
    }

    public long BotId { get; private set; }

    public string BillId { get; private set; }

    public long? UserId { get; private set; }

    public long? Amount { get; private set; }

    public string? Currency { get; private set; }

    public string? Status { get; private set; }

    public string? Provider { get; private set; }

    public DateTimeOffset Date { get; private set; }

    public PaymentKind Kind { get; private set; }

    public string? Meta { get; private set; }

    public static Payment Record(long botId, string billId, PaymentFacts facts)
    {
        ArgumentException.ThrowIfNullOrEmpty(billId);
        var payment = new Payment { BotId = botId, BillId = billId };
        payment.Apply(facts);
        return payment;
    }

    /// <summary>Takes the values of a resent record; a record identical to the stored one changes nothing.</summary>
    public void Update(PaymentFacts facts)
    {
        if (facts == Facts)
        {
            return;
        }

        Apply(facts);
        MarkChanged();
    }

    private PaymentFacts Facts => new(UserId, Amount, Currency, Status, Provider, Date, Kind, Meta);

    private void Apply(PaymentFacts facts)
    {
        (UserId, Amount, Currency, Status, Provider, Date, Kind, Meta) =
            (facts.UserId, facts.Amount, facts.Currency, facts.Status, facts.Provider, facts.Date.ToUniversalTime(), facts.Kind, facts.Meta);
    }
}

/// <summary>Everything a payment record says besides its key; <see cref="Amount"/> in ten-thousandths.</summary>
public sealed record PaymentFacts(long? UserId, long? Amount, string? Currency, string? Status, string? Provider, DateTimeOffset Date, PaymentKind Kind, string? Meta);
