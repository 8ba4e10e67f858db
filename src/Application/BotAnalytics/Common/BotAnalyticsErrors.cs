using CleanGames.Domain.Common;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>The BotAnalytics use cases' refusals, worded as seed 003 words them where it does.</summary>
public static class BotAnalyticsErrors
{
    /// <summary>Seed 003 <c>verify_bot_access</c>: a bot that does not exist or that the caller does not own.</summary>
    public static readonly DomainError AccessDenied = DomainError.Forbidden("bot_analytics.bot.access_denied", "Access denied to this bot");

    public static readonly DomainError TelegramRequired = DomainError.Forbidden("bot_analytics.bot.telegram_required", "Sign in with Telegram to register a bot");

    public static readonly DomainError AlreadyRegistered = DomainError.Conflict("bot_analytics.bot.exists", "This bot is already registered");

    public static readonly DomainError InvalidIngestKey = DomainError.Unauthenticated("bot_analytics.ingest.invalid_key", "The X-Ingest-Key header is missing or does not match a bot.");
}
