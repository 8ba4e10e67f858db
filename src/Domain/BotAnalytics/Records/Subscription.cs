using CleanGames.Domain.Common;

namespace CleanGames.Domain.BotAnalytics.Records;

/// <summary>
/// A subscription a bot reported, keyed within the bot by its <see cref="SubUid"/>: a resent record
/// updates the same row; its dates are kept in UTC. <see cref="Uid"/> is the bot's own number for it, when it sends one;
/// <see cref="Keys"/> counts the keys it holds.
/// </summary>
public sealed class Subscription : AggregateRoot<long>
{
    public const string ActiveStatus = "Active";

    private Subscription()
    {
        SubUid = string.Empty;
    }

    public long BotId { get; private set; }

    public string SubUid { get; private set; }

    public long? Uid { get; private set; }

    public long? UserId { get; private set; }

    public string? Status { get; private set; }

    public DateTimeOffset StartDate { get; private set; }

    public DateTimeOffset? StopDate { get; private set; }

    public bool? IsTrial { get; private set; }

    public int? Keys { get; private set; }

    public string? Meta { get; private set; }

    public static Subscription Record(long botId, string subUid, SubscriptionFacts facts)
    {
        ArgumentException.ThrowIfNullOrEmpty(subUid);
        var subscription = new Subscription { BotId = botId, SubUid = subUid };
        subscription.Apply(facts);
        return subscription;
    }

    /// <summary>Takes the values of a resent record; a record identical to the stored one changes nothing.</summary>
    public void Update(SubscriptionFacts facts)
    {
        if (facts == Facts)
        {
            return;
        }

        Apply(facts);
        MarkChanged();
    }

    private SubscriptionFacts Facts => new(Uid, UserId, Status, StartDate, StopDate, IsTrial, Keys, Meta);

    private void Apply(SubscriptionFacts facts)
    {
        (Uid, UserId, Status, StartDate, StopDate, IsTrial, Keys, Meta) =
            (facts.Uid, facts.UserId, facts.Status, facts.StartDate.ToUniversalTime(), facts.StopDate?.ToUniversalTime(), facts.IsTrial, facts.Keys, facts.Meta);
    }
}

/// <summary>Everything a subscription record says besides its key.</summary>
public sealed record SubscriptionFacts(long? Uid, long? UserId, string? Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, bool? IsTrial, int? Keys, string? Meta);
