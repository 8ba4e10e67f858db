using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.Common;
using MediatR;

namespace CleanGames.Application.BotAnalytics.Bots.Commands.RegisterBot;

/// <summary>
/// <c>POST /api/bots</c>: registers the bot whose token is given for the caller's Telegram id. The
/// Telegram bot id is the number before the token's colon (no call to Telegram); the token is not
/// stored. The answer carries the ingest key, shown this once.
/// </summary>
[AuthorizeRequest]
public sealed record RegisterBotCommand(string? BotToken) : IRequest<RegisteredBot>;

/// <summary>The bot's fields plus <c>ingest_key</c>.</summary>
public sealed record RegisteredBot(long Uid, long BotId, string? Username, long AdminId, int? RefPercent, decimal Balance, string? Status, JsonObject? Meta, string IngestKey);

public sealed class RegisterBotCommandHandler(IRepository<Bot> bots, ICurrentUser user, IAccountDirectory accounts, IClock clock)
    : IRequestHandler<RegisterBotCommand, RegisteredBot>
{
    public async Task<RegisteredBot> Handle(RegisterBotCommand request, CancellationToken cancellationToken)
    {
        var admin = await accounts.TelegramIdAsync(user.AccountId!.Value, cancellationToken)
                    ?? throw new DomainException(BotAnalyticsErrors.TelegramRequired);
        var telegramBotId = TelegramBotIdOf(request.BotToken!);
        if (await bots.AnyAsync(new BotByTelegramIdSpec(telegramBotId), cancellationToken))
        {
            throw new DomainException(BotAnalyticsErrors.AlreadyRegistered);
        }

        var (key, hash) = IngestKeys.New(telegramBotId);
        var bot = Bot.Register(telegramBotId, admin, hash, clock.UtcNow);
        await bots.AddAsync(bot, cancellationToken);
        try
        {
            await bots.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // The same bot registered by a racing request: a business conflict, not a lost race.
            throw new DomainException(BotAnalyticsErrors.AlreadyRegistered);
        }

        var view = BotView.Of(bot);
        return new RegisteredBot(view.Uid, view.BotId, view.Username, view.AdminId, view.RefPercent, view.Balance, view.Status, view.Meta, key);
    }

    /// <summary>The number before the colon; the validator has checked the token's shape.</summary>
    public static long TelegramBotIdOf(string token) =>
        long.Parse(token.AsSpan(0, token.IndexOf(':')), NumberStyles.None, CultureInfo.InvariantCulture);
}
