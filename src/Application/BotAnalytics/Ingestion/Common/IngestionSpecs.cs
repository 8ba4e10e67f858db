using Ardalis.Specification;
using CleanGames.Domain.BotAnalytics.Records;

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
