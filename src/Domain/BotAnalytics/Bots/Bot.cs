using CleanGames.Domain.Common;

namespace CleanGames.Domain.BotAnalytics.Bots;

/// <summary>
/// A Telegram bot registered on the dashboard. Its id is the dashboard's <c>uid</c> (the <c>bot_id</c>
/// of the dashboard's query strings and paths); <see cref="TelegramBotId"/> is Telegram's own id, the
/// number before the colon of the bot's token. <see cref="AdminId"/> is the owner's Telegram user id:
/// only that Telegram user sees the bot. The token itself is never stored; the bot sends its records
/// with an ingest key, of which only a hash is kept.
/// </summary>
public sealed class Bot : AggregateRoot<long>
{
    public const string ActiveStatus = "active";

    private Bot()
    {
        IngestKeyHash = string.Empty;
    }

    public long TelegramBotId { get; private set; }

    public string? Username { get; private set; }

    public long AdminId { get; private set; }

    public int? RefPercent { get; private set; }

    /// <summary>The bot's balance in <see cref="Amount"/> units (ten-thousandths).</summary>
    public long Balance { get; private set; }

    public string? Status { get; private set; }

    /// <summary>A free JSON object as text (opaque here); null when none.</summary>
    public string? Meta { get; private set; }

    /// <summary>The hash of the current ingest key (lower-case hex SHA-256 of its secret part).</summary>
    public string IngestKeyHash { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset IngestKeyRotatedAt { get; private set; }

    /// <summary>Registers the bot with Telegram id <paramref name="telegramBotId"/> for the Telegram user <paramref name="adminId"/>.</summary>
    public static Bot Register(long telegramBotId, long adminId, string ingestKeyHash, DateTimeOffset now)
    {
        if (telegramBotId <= 0)
        {
            throw new DomainException(BotErrors.InvalidTelegramBotId);
        }

        ArgumentException.ThrowIfNullOrEmpty(ingestKeyHash);
        return new Bot
        {
            TelegramBotId = telegramBotId,
            AdminId = adminId,
            Balance = 0,
            Status = ActiveStatus,
            IngestKeyHash = ingestKeyHash,
            CreatedAt = now,
            IngestKeyRotatedAt = now,
        };
    }

    public bool IsOwnedBy(long telegramUserId) => AdminId == telegramUserId;

    /// <summary>Replaces the ingest key: the old one stops working at once.</summary>
    public void RotateIngestKey(string ingestKeyHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrEmpty(ingestKeyHash);
        IngestKeyHash = ingestKeyHash;
        IngestKeyRotatedAt = now;
        MarkChanged();
    }
}
