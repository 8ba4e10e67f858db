using CleanGames.Domain.Common;

namespace CleanGames.Domain.BotAnalytics.Records;

/// <summary>
/// A user of a bot, as the bot reported it. Keyed within the bot by Telegram's <see cref="UserId"/>:
/// a resent record updates the same row. Its <see cref="RegDate"/> is kept in UTC. Its id is the dashboard's <c>uid</c>.
/// </summary>
public sealed class BotUser : AggregateRoot<long>
{
    private BotUser()
    {
    }

    /// <summary>The bot's <c>uid</c>.</summary>
    public long BotId { get; private set; }

    public long UserId { get; private set; }

    public string? Username { get; private set; }

    public DateTimeOffset RegDate { get; private set; }

    public int? RefPercent { get; private set; }

    public string? Meta { get; private set; }

    public static BotUser Record(long botId, long userId, string? username, DateTimeOffset regDate, int? refPercent, string? meta) =>
        new() { BotId = botId, UserId = userId, Username = username, RegDate = regDate.ToUniversalTime(), RefPercent = refPercent, Meta = meta };

    /// <summary>Takes the values of a resent record; a record identical to the stored one changes nothing.</summary>
    public void Update(string? username, DateTimeOffset regDate, int? refPercent, string? meta)
    {
        if (Username == username && RegDate == regDate && RefPercent == refPercent && Meta == meta)
        {
            return;
        }

        Username = username;
        RegDate = regDate.ToUniversalTime();
        RefPercent = refPercent;
        Meta = meta;
        MarkChanged();
    }
}
