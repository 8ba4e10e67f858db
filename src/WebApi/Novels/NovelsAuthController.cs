using System.Globalization;
using CleanGames.Application.Identity.Commands.RefreshSession;
using CleanGames.Application.Identity.Commands.RegisterAccount;
using CleanGames.Application.Identity.Commands.RevokeSession;
using CleanGames.Application.Identity.Commands.SignInWithPassword;
using CleanGames.Application.Identity.Common;
using CleanGames.Application.Identity.Queries.GetCurrentAccount;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.RateLimiting;

namespace CleanGames.WebApi.Novels;

public sealed record NovelsRegisterRequest(string? Email = null, string? Password = null, string? DisplayName = null);

public sealed record NovelsLoginRequest(string? Email = null, string? Password = null);

/// <summary>Seed 004 <c>User</c>.</summary>
public sealed record NovelsUser(string Id, string? Email, string? DisplayName, string? AvatarUrl, IReadOnlyList<string> Roles, DateTimeOffset CreatedAt, DateTimeOffset? LastLoginAt);

public sealed record NovelsSession(NovelsUser User, string AccessToken, int ExpiresIn);

public sealed record NovelsUserStats(int ChaptersRead, int ReadingTimeMinutes, int CommentsCount, int BookmarksCount, int NovelsProposed, int TicketsSpent);

/// <summary>Seed 004 <c>UserProfile</c>: <c>User</c> plus progression and reading statistics.</summary>
public sealed record NovelsUserProfile(
    string Id,
    string? Email,
    string? DisplayName,
    string? AvatarUrl,
    IReadOnlyList<string> Roles,
    DateTimeOffset CreatedAt,
    DateTimeOffset? LastLoginAt,
    string? Bio,
    int Level,
    long XpTotal,
    long XpToNextLevel,
    object? Subscription,
    NovelsUserStats Stats);

/// <summary>
/// Seed 004 authentication under <c>/api/v1/auth</c>. The refresh token never reaches script: it
/// travels only in an httpOnly, Secure, SameSite=Strict cookie scoped to this path.
/// </summary>
[ApiController]
[Route("api/v1/auth")]
[ApiDialect(ApiDialect.Novels)]
[Tags("Novels: accounts")]
public sealed class NovelsAuthController(IMediator mediator, [FromKeyedServices(CleanGames.Application.Common.Abstractions.ApplicationClock.Key)] TimeProvider timeProvider) : ControllerBase
{
    public const string RefreshCookie = "refresh_token";
    public const string CookiePath = "/api/v1/auth";

    [ProducesResponseType<NovelsSession>(StatusCodes.Status201Created)]
    [ProducesErrors(StatusCodes.Status400BadRequest)]
    [HttpPost("register")]
    [EnableRateLimiting(RateLimitPolicies.Authentication)]
    public async Task<IActionResult> Register(NovelsRegisterRequest request, CancellationToken cancellationToken)
    {
        // A taken email is answered in seed 004's words (400 EMAIL_TAKEN) by the Novels dialect.
        var registered = await mediator.Send(
            new RegisterAccountCommand(RegistrationForm.Novels, request.Email, null, request.Password, request.DisplayName, StartSession: true),
            cancellationToken);

        var session = StartSession(registered.Account, registered.Tokens!);
        return StatusCode(StatusCodes.Status201Created, session);
    }

    [ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)]
    [HttpPost("login")]
    [EnableRateLimiting(RateLimitPolicies.Authentication)]
    public async Task<NovelsSession> Login(NovelsLoginRequest request, CancellationToken cancellationToken)
    {
        var signedIn = await mediator.Send(new SignInWithPasswordCommand(request.Email, request.Password), cancellationToken);
        return StartSession(signedIn.Account, signedIn.Tokens);
    }

    [ProducesErrors(StatusCodes.Status401Unauthorized)]
    [HttpPost("refresh")]
    [EnableRateLimiting(RateLimitPolicies.Authentication)]
    public async Task<NovelsSession> Refresh(CancellationToken cancellationToken)
    {
        // Without the cookie, Identity refuses the missing token as it refuses an unknown one.
        var signedIn = await mediator.Send(new RefreshSessionCommand(Request.Cookies[RefreshCookie]), cancellationToken);
        return StartSession(signedIn.Account, signedIn.Tokens);
    }

    [HttpPost("logout")]
    public async Task<IActionResult> Logout(CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeSessionCommand(Request.Cookies[RefreshCookie]), cancellationToken);
        Response.Cookies.Delete(RefreshCookie, CookieOptions(expires: null));
        return Ok();
    }

    [HttpGet("me")]
    [Authorize]
    public async Task<NovelsUserProfile> Me(CancellationToken cancellationToken)
    {
        var account = await mediator.Send(new GetCurrentAccountQuery(), cancellationToken);
        // Reading statistics and progression are the Novels module's; until it records reading
        // there is nothing read, so they are zeros at the first level, not invented figures.
        return new NovelsUserProfile(
            Id(account), account.Email, account.DisplayName, account.AvatarUrl, account.Roles, account.CreatedAt, account.LastLoginAt,
            Bio: null, Level: 1, XpTotal: 0, XpToNextLevel: 0, Subscription: null,
            Stats: new NovelsUserStats(0, 0, 0, 0, 0, 0));
    }

    private NovelsSession StartSession(AccountSummary account, SessionTokens tokens)
    {
        Response.Cookies.Append(RefreshCookie, tokens.RefreshToken, CookieOptions(tokens.RefreshTokenExpiresAt));
        return new NovelsSession(
            new NovelsUser(Id(account), account.Email, account.DisplayName, account.AvatarUrl, account.Roles, account.CreatedAt, account.LastLoginAt),
            tokens.AccessToken,
            tokens.ExpiresIn);
    }

    private CookieOptions CookieOptions(DateTimeOffset? expires) => new()
    {
        HttpOnly = true,
        Secure = true,
        SameSite = SameSiteMode.Strict,
        Path = CookiePath,
        Expires = expires,
        IsEssential = true,
        MaxAge = expires is { } e ? e - timeProvider.GetUtcNow() : null,
    };

    private static string Id(AccountSummary account) => account.Id.ToString(CultureInfo.InvariantCulture);
}
