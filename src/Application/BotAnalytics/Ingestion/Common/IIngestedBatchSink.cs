using CleanGames.Domain.BotAnalytics.Records;

namespace CleanGames.Application.BotAnalytics.Ingestion.Common;

/// <summary>
/// The seam for what an ingested batch updates besides its own rows (the per-bot 15-minute rollups).
/// Every registered sink is called by <c>IngestBatchCommand</c>'s handler after the batch is upserted
/// into the unit of work and before it is saved, so whatever a sink adds or changes through the
/// repositories is saved in the same transaction as the records: both or neither.
/// </summary>
public interface IIngestedBatchSink
{
    Task ApplyAsync(IngestedBatch batch, CancellationToken cancellationToken);
}

/// <summary>
/// One batch as upserted: the rows it added or changed (tracked, unsaved) and every moment a rollup
/// bucket may have to be recomputed for: each record's date as sent and, for an updated record, the
/// date it had before (<c>reg_date</c>, payment <c>date</c>, subscription <c>start_date</c> and <c>stop_date</c>).
/// </summary>
public sealed record IngestedBatch(
    long BotId,
    DateTimeOffset ReceivedAt,
    IReadOnlyList<BotUser> Users,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<Subscription> Subscriptions,
    IReadOnlyCollection<DateTimeOffset> TouchedTimes);
