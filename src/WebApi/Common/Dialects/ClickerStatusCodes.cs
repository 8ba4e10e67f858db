using System.Collections.Frozen;
using CleanGames.Application.Identity.Common;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.WebApi.Common.Dialects;

/// <summary>
/// The non-zero <c>status</c> values of the Clicker dialect (seed 001), documented in README.
/// A module error code listed in <see cref="ByCode"/> gets its own number; anything else gets the
/// number of its kind.
/// </summary>
public static class ClickerStatusCodes
{
    public const int InvalidInput = 1;
    public const int Unauthorized = 2;
    public const int Forbidden = 3;
    public const int NotFound = 4;
    public const int Conflict = 5;
    public const int RuleViolation = 6;
    public const int RateLimited = 7;
    public const int Unavailable = 8;
    public const int InternalError = 9;

    // Module-specific numbers (from 10 up) are added here as modules define them.
    public const int AlreadyRegistered = 10;
    public const int WrongCredentials = 11;
    public const int InvalidRefreshToken = 12;
    public const int TooManyFailedSignIns = 13;
    public const int AccountBanned = 14;

    // Kitchen (seed 001) game refusals.
    public const int NoSession = 20;
    public const int SessionFirst = 21;
    public const int UnknownRequestType = 22;
    public const int NotEnoughMoney = 23;
    public const int RankTooLow = 24;
    public const int UpgradeMaxed = 25;
    public const int UnknownUpgrade = 26;
    public const int NotEnoughXp = 27;
    public const int TopRank = 28;
    public const int PrestigeNotReady = 29;
    public const int TooManyCooks = 30;

    private static readonly FrozenDictionary<string, int> ByCode = new Dictionary<string, int>(StringComparer.Ordinal)
    {
        [IdentityErrors.AccountExists.Code] = AlreadyRegistered,
        [IdentityErrors.InvalidCredentials.Code] = WrongCredentials,
        [IdentityErrors.InvalidRefreshToken.Code] = InvalidRefreshToken,
        [IdentityErrors.SignInThrottled.Code] = TooManyFailedSignIns,
        [AccountErrors.Banned.Code] = AccountBanned,
        [KitchenErrors.InvalidRequest.Code] = InvalidInput,
        [KitchenErrors.NoSession.Code] = NoSession,
        [KitchenErrors.SessionFirst.Code] = SessionFirst,
        [KitchenErrors.UnknownRequest.Code] = UnknownRequestType,
        [KitchenSessionErrors.NotEnoughMoney.Code] = NotEnoughMoney,
        [KitchenSessionErrors.RankTooLow.Code] = RankTooLow,
        [KitchenSessionErrors.UpgradeMaxed.Code] = UpgradeMaxed,
        [KitchenSessionErrors.UnknownUpgrade.Code] = UnknownUpgrade,
        [KitchenSessionErrors.NotEnoughXp.Code] = NotEnoughXp,
        [KitchenSessionErrors.TopRank.Code] = TopRank,
        [KitchenSessionErrors.PrestigeNotReady.Code] = PrestigeNotReady,
        [KitchenSessionErrors.TooManyCooks.Code] = TooManyCooks,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static int For(ApiError error, int httpStatus)
    {
        if (ByCode.TryGetValue(error.Code, out var specific))
        {
            return specific;
        }

        if (error.IsValidation || error.Code == TransportErrors.InvalidRequest.Code)
        {
            return InvalidInput;
        }

        return httpStatus switch
        {
            StatusCodes.Status401Unauthorized => Unauthorized,
            StatusCodes.Status403Forbidden => Forbidden,
            StatusCodes.Status404NotFound or StatusCodes.Status405MethodNotAllowed => NotFound,
            StatusCodes.Status409Conflict => Conflict,
            StatusCodes.Status429TooManyRequests => RateLimited,
            StatusCodes.Status503ServiceUnavailable => Unavailable,
            >= 500 => InternalError,
            StatusCodes.Status400BadRequest => RuleViolation,
            _ => InvalidInput,
        };
    }
}
