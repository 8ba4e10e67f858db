using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Identity.Common;

/// <summary>
/// Starts a session for a signed-in account (a new refresh-token family plus an access token), so
/// every sign-in route issues the same kind of tokens. The family is added to the unit of work;
/// the caller's one save stores it together with the sign-in bookkeeping.
/// </summary>
public sealed class SessionIssuer(IRepository<RefreshTokenFamily> families, IAccessTokenIssuer accessTokens, IClock clock, IOptions<SessionOptions> options)
{
    /// <remarks>The account must already have its id (be saved once).</remarks>
    public async Task<SessionTokens> StartAsync(Account account, CancellationToken cancellationToken)
    {
        var familyId = Guid.NewGuid();
        var (refreshToken, hash) = RefreshTokens.New(familyId);
        var family = RefreshTokenFamily.Start(familyId, account.Id, hash, clock.UtcNow, TimeSpan.FromDays(options.Value.RefreshTokenDays));
        await families.AddAsync(family, cancellationToken);
        var access = accessTokens.Issue(account.Id, AccountRoleNames.Of(account.Roles), familyId);
        return new SessionTokens(access.Token, access.ExpiresInSeconds, access.ExpiresAt, refreshToken, family.ExpiresAt);
    }

    /// <summary>
    /// The pair a refresh answers: the family's current refresh token and an access token issued at
    /// the rotation, with an id derived from that refresh token. Both are fixed by the rotation, so
    /// a grace-window replay of the previous token is answered with the very same pair (while the
    /// account's roles are unchanged).
    /// </summary>
    public SessionTokens Reissue(Account account, string refreshToken, RefreshTokenFamily family)
    {
        var access = accessTokens.Issue(account.Id, AccountRoleNames.Of(account.Roles), family.CurrentIssuedAt, RefreshTokens.AccessTokenId(family.CurrentTokenHash), family.Id);
        return new SessionTokens(access.Token, access.ExpiresInSeconds, access.ExpiresAt, refreshToken, family.ExpiresAt);
    }

    public static AccountSummary Describe(Account account) => new(
        account.Id,
        account.Email,
        account.Username,
        account.EffectiveDisplayName,
        account.AvatarUrl,
        AccountRoleNames.Of(account.Roles),
        account.CreatedAt,
        account.LastLoginAt,
        account.Telegram?.TelegramId,
        account.Telegram?.Username,
        account.Telegram?.FirstName,
        account.Telegram?.LastName,
        account.Telegram?.LanguageCode,
        account.Telegram?.IsPremium);
}
