using System.Text.Json;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Ingestion.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.BotAnalytics.Records;
using CleanGames.Domain.Common;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Ingestion.Commands.IngestBatch;

/// <summary>
/// <c>POST /api/ingest</c>: a bot's users, payments and subscriptions, upserted by <c>user_id</c>,
/// <c>bill_id</c> and <c>sub_uid</c> within the bot, so a resent batch changes nothing. The key is
/// checked first (401), then the whole batch (<see cref="IngestBatchValidator"/>: a bad record refuses
/// the batch with every record's errors, and nothing is stored), then everything is saved in one
/// transaction together with what <see cref="IIngestedBatchSink"/>s derive from it.
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
    IUnitOfWork unitOfWork,
    IValidator<IngestBatch> validator,
    IEnumerable<IIngestedBatchSink> sinks,
    IClock clock) : IRequestHandler<IngestBatchCommand, IngestAccepted>
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
                // A racing batch inserted one of these keys first: reload and update its row instead.
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

    private async Task UpsertAsync(long botId, IngestBatch batch, CancellationToken cancellationToken)
    {
        var touched = new HashSet<DateTimeOffset>();
        var changedUsers = await UpsertUsersAsync(botId, batch.Users ?? [], touched, cancellationToken);
        var changedPayments = await UpsertPaymentsAsync(botId, batch.Payments ?? [], touched, cancellationToken);
        var changedSubscriptions = await UpsertSubscriptionsAsync(botId, batch.Subscriptions ?? [], touched, cancellationToken);

        var ingested = new IngestedBatch(botId, clock.UtcNow, changedUsers, changedPayments, changedSubscriptions, touched);
        foreach (var sink in sinks)
        {
            await sink.ApplyAsync(ingested, cancellationToken);
        }
    }

    private async Task<List<BotUser>> UpsertUsersAsync(long botId, IReadOnlyList<IngestUser?> records, HashSet<DateTimeOffset> touched, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var latest = new Dictionary<long, IngestUser>();
        foreach (var record in records)
        {
            latest[record!.UserId!.Value] = record; // a key sent twice: the later record wins
        }

        var stored = (await users.ListAsync(new BotUsersByIdsSpec(botId, [.. latest.Keys]), cancellationToken)).ToDictionary(u => u.UserId);
        var changed = new List<BotUser>();
        foreach (var (userId, record) in latest)
        {
            var meta = MetaJson.ToText(record.Meta);
            touched.Add(record.RegDate!.Value);
            if (stored.TryGetValue(userId, out var user))
            {
                touched.Add(user.RegDate);
                user.Update(record.Username, record.RegDate.Value, record.RefPercent, meta);
                if (user.HasChanges)
                {
                    changed.Add(user);
                }
            }
            else
            {
                user = BotUser.Record(botId, userId, record.Username, record.RegDate.Value, record.RefPercent, meta);
                await users.AddAsync(user, cancellationToken);
                changed.Add(user);
            }
        }

        return changed;
    }

    private async Task<List<Payment>> UpsertPaymentsAsync(long botId, IReadOnlyList<IngestPayment?> records, HashSet<DateTimeOffset> touched, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var latest = new Dictionary<string, IngestPayment>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            latest[record!.BillId!] = record;
        }

        var stored = (await payments.ListAsync(new PaymentsByBillIdsSpec(botId, [.. latest.Keys]), cancellationToken)).ToDictionary(p => p.BillId, StringComparer.Ordinal);
        var changed = new List<Payment>();
        foreach (var (billId, record) in latest)
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
            touched.Add(facts.Date);
            if (stored.TryGetValue(billId, out var payment))
            {
                touched.Add(payment.Date);
                payment.Update(facts);
                if (payment.HasChanges)
                {
                    changed.Add(payment);
                }
            }
            else
            {
                payment = Payment.Record(botId, billId, facts);
                await payments.AddAsync(payment, cancellationToken);
                changed.Add(payment);
            }
        }

        return changed;
    }

    private async Task<List<Subscription>> UpsertSubscriptionsAsync(long botId, IReadOnlyList<IngestSubscription?> records, HashSet<DateTimeOffset> touched, CancellationToken cancellationToken)
    {
        if (records.Count == 0)
        {
            return [];
        }

        var latest = new Dictionary<string, IngestSubscription>(StringComparer.Ordinal);
        foreach (var record in records)
        {
            latest[record!.SubUid!] = record;
        }

        var stored = (await subscriptions.ListAsync(new SubscriptionsBySubUidsSpec(botId, [.. latest.Keys]), cancellationToken)).ToDictionary(s => s.SubUid, StringComparer.Ordinal);
        var changed = new List<Subscription>();
        foreach (var (subUid, record) in latest)
        {
            var facts = new SubscriptionFacts(
                record.Uid, record.UserId, record.Status, record.StartDate!.Value, record.StopDate, record.IsTrial, record.Keys, MetaJson.ToText(record.Meta));
            Touch(touched, facts.StartDate, facts.StopDate);
            if (stored.TryGetValue(subUid, out var subscription))
            {
                Touch(touched, subscription.StartDate, subscription.StopDate);
                subscription.Update(facts);
                if (subscription.HasChanges)
                {
                    changed.Add(subscription);
                }
            }
            else
            {
                subscription = Subscription.Record(botId, subUid, facts);
                await subscriptions.AddAsync(subscription, cancellationToken);
                changed.Add(subscription);
            }
        }

        return changed;
    }

    private static void Touch(HashSet<DateTimeOffset> touched, DateTimeOffset start, DateTimeOffset? stop)
    {
        touched.Add(start);
        if (stop is { } end)
        {
            touched.Add(end);
        }
    }
}
