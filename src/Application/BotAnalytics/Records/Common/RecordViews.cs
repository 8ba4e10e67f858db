using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using AutoMapper;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Ingestion.Common;
using CleanGames.Domain.BotAnalytics.Records;

namespace CleanGames.Application.BotAnalytics.Records.Common;

/// <summary>Seed 003 <c>GET /api/users</c> item.</summary>
public sealed record BotUserView(long Uid, long UserId, string? Username, string? RegDate, int? RefPercent, JsonObject? Meta);

/// <summary>Seed 003 <c>GET /api/payments</c> item, plus the <c>kind</c> the bot reported.</summary>
public sealed record PaymentView(string BillId, long? UserId, decimal? Amount, string? Currency, string? Status, string? Provider, string Date, string Kind, JsonObject? Meta);

/// <summary>Seed 003 <c>GET /api/subscriptions</c> item, plus <c>is_trial</c>.</summary>
public sealed record SubscriptionView(long? Uid, string SubUid, long? UserId, string? Status, string StartDate, string? StopDate, JsonObject? Meta, int? Keys, bool? IsTrial);

/// <summary>The columns a list reads, projected in the database; <see cref="RecordViews"/> turns them into the wire shape.</summary>
public sealed record BotUserRow(long Id, long UserId, string? Username, DateTimeOffset RegDate, int? RefPercent, string? Meta);

public sealed record PaymentRow(string BillId, long? UserId, long? Amount, string? Currency, string? Status, string? Provider, DateTimeOffset Date, PaymentKind Kind, string? Meta);

public sealed record SubscriptionRow(long? Uid, string SubUid, long? UserId, string? Status, DateTimeOffset StartDate, DateTimeOffset? StopDate, string? Meta, int? Keys, bool? IsTrial);

public sealed class RecordRowsProfile : Profile
{
    public RecordRowsProfile()
    {
        CreateProjection<BotUser, BotUserRow>();
        CreateProjection<Payment, PaymentRow>();
        CreateProjection<Subscription, SubscriptionRow>();
    }
}

public static class RecordViews
{
    public static BotUserView Of(BotUserRow row) =>
        new(row.Id, row.UserId, row.Username, Timestamp(row.RegDate), row.RefPercent, MetaJson.FromText(row.Meta));

    public static PaymentView Of(PaymentRow row) =>
        new(row.BillId, row.UserId, row.Amount is { } units ? Amount.FromUnits(units) : null, row.Currency, row.Status, row.Provider,
            Timestamp(row.Date), PaymentKinds.Of(row.Kind), MetaJson.FromText(row.Meta));

    public static SubscriptionView Of(SubscriptionRow row) =>
        new(row.Uid, row.SubUid, row.UserId, row.Status, Timestamp(row.StartDate), row.StopDate is { } stop ? Timestamp(stop) : null,
            MetaJson.FromText(row.Meta), row.Keys, row.IsTrial);

    /// <summary>ISO 8601 in UTC, as Python's <c>isoformat()</c> writes an aware time: <c>2024-01-05T10:20:00+00:00</c>.</summary>
    public static string Timestamp(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(value.Millisecond == 0 && value.Microsecond == 0 ? "yyyy-MM-dd'T'HH:mm:ss" : "yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture) + "+00:00";
}
