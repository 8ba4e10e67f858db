using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Domain.BotAnalytics.Bots;
using CleanGames.Domain.Common;

namespace CleanGames.Application.BotAnalytics.Common;

/// <summary>A request about one bot, named by its <c>uid</c> (the dashboard's <c>bot_id</c>).</summary>
public interface IBotScopedRequest
{
    long BotId { get; }
}

/// <summary>
/// Seed 003 <c>verify_bot_access</c>: the bot must exist and its <c>admin_id</c> must be the caller's
/// Telegram id; otherwise 403 "Access denied to this bot" (a missing bot looks the same as another's).
/// </summary>
public sealed class BotOwnerOnly<TRequest>(IReadRepository<Bot> bots, ICurrentUser user, IAccountDirectory accounts) : IRequestAuthorizer<TRequest>
    where TRequest : IBotScopedRequest
{
    public async Task<bool> IsAllowedAsync(TRequest request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var telegramId = await accounts.TelegramIdAsync(caller, cancellationToken);
        if (telegramId is { } admin && await bots.AnyAsync(new BotOwnedBySpec(request.BotId, admin), cancellationToken))
        {
            return true;
        }

        throw new DomainException(BotAnalyticsErrors.AccessDenied);
    }
}
