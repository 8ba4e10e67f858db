using CleanGames.Application.Identity.Commands.RefreshSession;
using CleanGames.Application.Identity.Commands.RegisterAccount;
using CleanGames.Application.Identity.Commands.RevokeSession;
using CleanGames.Application.Identity.Commands.SignInWithPassword;
using CleanGames.Application.Identity.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.RateLimiting;

namespace CleanGames.WebApi.Gateway;

public sealed record GatewayRegisterRequest(string? Email = null, string? Username = null, string? Password = null);

public sealed record GatewayLoginRequest(string? Username = null, string? Password = null);

public sealed record GatewayRefreshRequest(string? RefreshToken = null);

public sealed record GatewayAccount(long AccountId, string? Email, string? Username);

public sealed record GatewayTokens(string Token, string RefreshToken, int ExpiresIn);

/// <summary>Seed 002, section 1: the game client's account API.</summary>
[ApiController]
[Route("auth")]
[ApiDialect(ApiDialect.Gateway)]
[EnableRateLimiting(RateLimitPolicies.Authentication)]
[Tags("Gateway: accounts")]
public sealed class GatewayAuthController(IMediator mediator) : ControllerBase
{
    /// <summary>Creates an account; 409 when the username or email is taken, 400 on invalid data.</summary>
    [ProducesErrors(StatusCodes.Status409Conflict)]
    [HttpPost("register")]
    public async Task<GatewayAccount> Register(GatewayRegisterRequest request, CancellationToken cancellationToken)
    {
        var registered = await mediator.Send(
            new RegisterAccountCommand(RegistrationForm.GameClient, request.Email, request.Username, request.Password, null, StartSession: false),
            cancellationToken);
        return new GatewayAccount(registered.Account.Id, registered.Account.Email, registered.Account.Username);
    }

    /// <summary>Signs in with a username (an email works too); 401 on wrong credentials.</summary>
    [ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)]
    [HttpPost("login")]
    public async Task<GatewayTokens> Login(GatewayLoginRequest request, CancellationToken cancellationToken) =>
        ToTokens(await mediator.Send(new SignInWithPasswordCommand(request.Username, request.Password), cancellationToken));

    /// <summary>Rotates the refresh token; 401 when it is invalid, expired, revoked or already used.</summary>
    [ProducesErrors(StatusCodes.Status401Unauthorized)]
    [HttpPost("refresh")]
    public async Task<GatewayTokens> Refresh(GatewayRefreshRequest request, CancellationToken cancellationToken) =>
        ToTokens(await mediator.Send(new RefreshSessionCommand(request.RefreshToken), cancellationToken));

    /// <summary>Revokes the refresh token's whole family. Access tokens already issued run out on their own.</summary>
    [HttpPost("logout")]
    public async Task<IActionResult> Logout(GatewayRefreshRequest request, CancellationToken cancellationToken)
    {
        await mediator.Send(new RevokeSessionCommand(request.RefreshToken), cancellationToken);
        return Ok();
    }

    private static GatewayTokens ToTokens(SignedIn signedIn) =>
        new(signedIn.Tokens.AccessToken, signedIn.Tokens.RefreshToken, signedIn.Tokens.ExpiresIn);
}
