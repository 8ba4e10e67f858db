using CleanGames.Domain.Common;

namespace CleanGames.Domain.BotAnalytics.Bots;

public static class BotErrors
{
    public static readonly DomainError InvalidTelegramBotId = DomainError.Invalid("bot_analytics.bot.invalid_telegram_id", "The bot token does not name a Telegram bot.");
}
