using System.Text.Json;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Ingestion.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.BotAnalytics.Rollups;
using CleanGames.Domain.Common;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Ingestion.Commands.IngestBatch;

/// <summary>
/// <c>POST /api/ingest</c>: a bot's users, payments and subscriptions, upserted by <c>user_id</c>,
/// <c>bill_id</c> and <c>sub_uid</c> within the bot, so a resent batch changes nothing. The key is
/// checked first (401), then the whole batch (<see cref="IngestBatchValidator"/>: a bad record refuses
/// the batch with every record's errors, and nothing is stored), then the records and the change
/// they make to the bot's rollups are saved in one transaction: both or neither.
/// </summary>
public sealed record IngestBatchCommand(string? IngestKey, IngestBatch Batch) : IRequest<IngestAccepted>;

/// <summary>The request body; field names as the dashboard shows them.</summary>
public sealed record IngestBatch(IReadOnlyList<IngestUser?>? Users = null, IReadOnlyList<IngestPayment?>? Payments = null, IReadOnlyList<IngestSubscription?>? Subscriptions = null)
{
    public const int MaxRecords = 5_000;

    public int RecordCount => (Users?.Count ?? 0) + (Payments?.Count ?? 0) + (Subscriptions?.Count ?? 0);
}

public sealed record IngestUser(long? UserId = null, string? Username = null, DateTimeOffset? RegDate = null, int? RefPercent = null, JsonElement? Meta = null);

public sealed record IngestPayment(string? BillId = null, long? UserId = null, decimal? Amount = null, string? Currency = null, string? Status = null, string? Provider = null, DateTimeOffset? Date = null, string? Kind = null, JsonElement? Meta = null);

public sealed record IngestSubscription(long? Uid = null, string? SubUid = null, long? UserId = null, string? Status = null, DateTimeOffset? StartDate = null, DateTimeOffset? StopDate = null, bool? IsTrial = null, int? Keys = null, JsonElement? Meta = null);

/// <summary><c>{"accepted": {"users", "payments", "subscriptions"}}</c>: how many records of each list were stored.</summary>
public sealed record IngestAccepted(IngestCounts Accepted);

public sealed record IngestCounts(int Users, int Payments, int Subscriptions);

public sealed class IngestBatchCommandHandler(
    IRepository<Bot> bots,
    IRepository<BotUser> users,
    IRepository<Payment> payments,
    IRepository<Subscription> subscriptions,
    IRepository<BotRollup> rollups,
    IUnitOfWork unitOfWork,
    IValidator<IngestBatch> validator) : IRequestHandler<IngestBatchCommand, IngestAccepted>
{
    private const int MaxAttempts = 3;

    public async Task<IngestAccepted> Handle(IngestBatchCommand request, CancellationToken cancellationToken)
    {
        var botId = await AuthenticateAsync(request.IngestKey, cancellationToken);

        // The cap is checked alone, keyed by the body as a whole (""): an oversized batch is refused unread.
        if (request.Batch.RecordCount > IngestBatch.MaxRecords)
        {
            throw new ValidationFailedException(string.Empty, $"A batch holds at most {IngestBatch.MaxRecords} records in all; this one holds {request.Batch.RecordCount}.", "ingest.too_many_records");
        }

        var validation = await validator.ValidateAsync(request.Batch, cancellationToken);
        if (!validation.IsValid)
        {
            throw new ValidationFailedException(validation.Errors.Select(e => new FieldError(e.PropertyName, e.ErrorMessage, e.ErrorCode)).ToList());
        }

        var batch = request.Batch;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await UpsertAsync(botId, batch, cancellationToken);
                await unitOfWork.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DuplicateKeyException) when (attempt < MaxAttempts)
            {
                // A racing batch inserted one of these keys (a record's or a rollup row's) first:
                // reload and update its row instead. A racing update of a rollup row is a
                // concurrency conflict, which the pipeline retries the same way.
                unitOfWork.DiscardChanges();
            }
        }

        return new IngestAccepted(new IngestCounts(batch.Users?.Count ?? 0, batch.Payments?.Count ?? 0, batch.Subscriptions?.Count ?? 0));
    }

    private async Task<long> AuthenticateAsync(string? key, CancellationToken cancellationToken)
    {
        if (IngestKeys.TryParse(key, out var telegramBotId, out var secret)
            && await bots.FirstOrDefaultAsync(new BotByTelegramIdSpec(telegramBotId), cancellationToken) is { } bot
            && IngestKeys.Matches(secret, bot.IngestKeyHash))
        {
            return bot.Id;
        }

        throw new DomainException(BotAnalyticsErrors.InvalidIngestKey);
    }

    /// <summary>
    /// Upserts the batch and moves the bot's rollups by the difference it made: the contributions of
    /// every record it may have changed are taken before and after (<see cref="RollupContributions"/>),
    /// including every subscription and payment of each subscriber it touches, whose trials,
    /// churn and activity depend on one another.
    /// </summary>
    private async Task UpsertAsync(long botId, IngestBatch batch, CancellationToken cancellationToken)
    {
        var userRecords = LatestByKey(batch.Users, u => u.UserId!.Value);
        var paymentRecords = LatestByKey(batch.Payments, p => p.BillId!);
        var subscriptionRecords = LatestByKey(batch.Subscriptions, s => s.SubUid!);

        var storedUsers = userRecords.Count == 0 ? [] : (await users.ListAsync(new BotUsersByIdsSpec(botId, [.. userRecords.Keys]), cancellationToken)).ToDictionary(u => u.UserId);
        var storedPayments = paymentRecords.Count == 0 ? [] : (await payments.ListAsync(new PaymentsByBillIdsSpec(botId, [.. paymentRecords.Keys]), cancellationToken)).ToDictionary(p => p.BillId, StringComparer.Ordinal);
        var storedSubscriptions = subscriptionRecords.Count == 0 ? [] : (await subscriptions.ListAsync(new SubscriptionsBySubUidsSpec(botId, [.. subscriptionRecords.Keys]), cancellationToken)).ToDictionary(s => s.SubUid, StringComparer.Ordinal);

        // Every subscriber the batch may touch: each user id a payment or subscription has or had.
        var subscriberIds = new HashSet<long>();
        subscriberIds.UnionWith(paymentRecords.Values.Select(p => p.UserId).Concat(storedPayments.Values.Select(p => p.UserId)).OfType<long>());
        subscriberIds.UnionWith(subscriptionRecords.Values.Select(s => s.UserId).Concat(storedSubscriptions.Values.Select(s => s.UserId)).OfType<long>());
        var scopeUsers = storedUsers.Values.ToList();
        var scopePayments = new HashSet<Payment>(storedPayments.Values, ReferenceEqualityComparer.Instance);
        var scopeSubscriptions = new HashSet<Subscription>(storedSubscriptions.Values, ReferenceEqualityComparer.Instance);
        if (subscriberIds.Count > 0)
        {
            long[] ids = [.. subscriberIds];
            scopePayments.UnionWith(await payments.ListAsync(new PaymentsOfUsersSpec(botId, ids), cancellationToken));
            scopeSubscriptions.UnionWith(await subscriptions.ListAsync(new SubscriptionsOfUsersSpec(botId, ids), cancellationToken));
        }

        var delta = RollupContributions.ByRow(RollupContributions.Of(scopeUsers, scopePayments, scopeSubscriptions), sign: -1);

        foreach (var (userId, record) in userRecords)
        {
            if (storedUsers.TryGetValue(userId, out var user))
            {
                user.Update(record.Username, record.RegDate!.Value, record.RefPercent, MetaJson.ToText(record.Meta));
            }
            else
            {
                user = BotUser.Record(botId, userId, record.Username, record.RegDate!.Value, record.RefPercent, MetaJson.ToText(record.Meta));
                await users.AddAsync(user, cancellationToken);
                scopeUsers.Add(user);
            }
        }

        foreach (var (billId, record) in paymentRecords)
        {
            var facts = new PaymentFacts(
                record.UserId,
                record.Amount is { } amount ? Amount.ToUnits(amount) : null,
                record.Currency,
                record.Status,
                record.Provider,
                record.Date!.Value,
                PaymentKinds.Parse(record.Kind),
                MetaJson.ToText(record.Meta));
            if (storedPayments.TryGetValue(billId, out var payment))
            {
                payment.Update(facts);
            }
            else
            {
                payment = Payment.Record(botId, billId, facts);
                await payments.AddAsync(payment, cancellationToken);
                scopePayments.Add(payment);
            }
        }

        foreach (var (subUid, record) in subscriptionRecords)
        {
            var facts = new SubscriptionFacts(
                record.Uid, record.UserId, record.Status, record.StartDate!.Value, record.StopDate, record.IsTrial, record.Keys, MetaJson.ToText(record.Meta));
            if (storedSubscriptions.TryGetValue(subUid, out var subscription))
            {
                subscription.Update(facts);
            }
            else
            {
                subscription = Subscription.Record(botId, subUid, facts);
                await subscriptions.AddAsync(subscription, cancellationToken);
                scopeSubscriptions.Add(subscription);
            }
        }

        foreach (var (key, metrics) in RollupContributions.ByRow(RollupContributions.Of(scopeUsers, scopePayments, scopeSubscriptions)))
        {
            RollupContributions.Add(delta, key, metrics);
        }

        await MoveRollupsAsync(botId, delta, cancellationToken);
    }

    private async Task MoveRollupsAsync(long botId, Dictionary<RollupKey, RollupMetrics> delta, CancellationToken cancellationToken)
    {
        var changed = delta.Where(d => !d.Value.IsZero).ToDictionary();
        if (changed.Count == 0)
        {
            return;
        }

        DateTimeOffset[] buckets = [.. changed.Keys.Select(k => k.Bucket).Distinct()];
        var stored = (await rollups.ListAsync(new RollupsOfBucketsSpec(botId, buckets), cancellationToken)).ToDictionary(r => r.Key);
        foreach (var (key, metrics) in changed)
        {
            if (!stored.TryGetValue(key, out var rollup))
            {
                rollup = BotRollup.Open(botId, key);
                await rollups.AddAsync(rollup, cancellationToken);
            }

            rollup.Add(metrics);
        }
    }

    /// <summary>The records of one list by key; a key sent twice: the later record wins.</summary>
    private static Dictionary<TKey, TRecord> LatestByKey<TKey, TRecord>(IReadOnlyList<TRecord?>? records, Func<TRecord, TKey> key)
        where TKey : notnull
        where TRecord : class
    {
        var latest = new Dictionary<TKey, TRecord>();
        foreach (var record in records ?? [])
        {
            latest[key(record!)] = record!;
        }

        return latest;
    }
}
