using Ardalis.Specification;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;

namespace CleanGames.Application.BotAnalytics.Ingestion.Common;

public sealed class BotUsersByIdsSpec : Specification<BotUser>
{
    public BotUsersByIdsSpec(long botId, long[] userIds) => Query.Where(u => u.BotId == botId && userIds.Contains(u.UserId));
}

public sealed class PaymentsByBillIdsSpec : Specification<Payment>
{
    public PaymentsByBillIdsSpec(long botId, string[] billIds) => Query.Where(p => p.BotId == botId && billIds.Contains(p.BillId));
}

public sealed class SubscriptionsBySubUidsSpec : Specification<Subscription>
{
    public SubscriptionsBySubUidsSpec(long botId, string[] subUids) => Query.Where(s => s.BotId == botId && subUids.Contains(s.SubUid));
}

/// <summary>Payment kinds on the wire: <c>subscription</c>, <c>key</c>, <c>renewal</c>, <c>other</c>; absent means <c>other</c>.</summary>
public static class PaymentKinds
{
    public static readonly string[] Names = ["subscription", "key", "renewal", "other"];

    public static bool IsKnown(string? name) => name is null || Names.Contains(name, StringComparer.Ordinal);

    public static PaymentKind Parse(string? name) => name switch
    {
        "subscription" => PaymentKind.Subscription,
        "key" => PaymentKind.Key,
        "renewal" => PaymentKind.Renewal,
        _ => PaymentKind.Other,
    };

    public static string Of(PaymentKind kind) => Names[(int)kind];
}

/// <summary>Every payment of the given subscribers.</summary>
public sealed class PaymentsOfUsersSpec : Specification<Payment>
{
    public PaymentsOfUsersSpec(long botId, long[] userIds) => Query.Where(p => p.BotId == botId && p.UserId != null && userIds.Contains(p.UserId.Value));
}

/// <summary>Every subscription of the given subscribers.</summary>
public sealed class SubscriptionsOfUsersSpec : Specification<Subscription>
{
    public SubscriptionsOfUsersSpec(long botId, long[] userIds) => Query.Where(s => s.BotId == botId && s.UserId != null && userIds.Contains(s.UserId.Value));
}

/// <summary>A bot's rollup rows of the given buckets, every currency.</summary>
public sealed class RollupsOfBucketsSpec : Specification<BotRollup>
{
    public RollupsOfBucketsSpec(long botId, DateTimeOffset[] buckets) => Query.Where(r => r.BotId == botId && buckets.Contains(r.Bucket));
}
