using CleanGames.Application.Identity.Commands.RefreshSession;
using CleanGames.Application.Identity.Commands.RegisterAccount;
using CleanGames.Application.Identity.Commands.SignInWithPassword;
using CleanGames.Application.Identity.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.RateLimiting;

namespace CleanGames.WebApi.Kitchen;

public sealed record KitchenCredentials(string? Email = null, string? Password = null);

public sealed record KitchenRefreshRequest(string? RefreshToken = null);

public sealed record KitchenTokens(string AccessToken, string RefreshToken);

public sealed record KitchenTokensResponse(KitchenTokens Tokens);

/// <summary>Seed 001: <c>POST /reg</c>, <c>POST /auth</c> and our <c>POST /refresh</c>, in the Clicker dialect.</summary>
[ApiController]
[ApiDialect(ApiDialect.Clicker)]
[EnableRateLimiting(RateLimitPolicies.Authentication)]
[Tags("Kitchen: accounts")]
public sealed class KitchenAuthController(IMediator mediator) : ControllerBase
{
    [ProducesErrors(StatusCodes.Status409Conflict)]
    [HttpPost("/reg")]
    public async Task<KitchenTokensResponse> Register(KitchenCredentials request, CancellationToken cancellationToken)
    {
        var registered = await mediator.Send(
            new RegisterAccountCommand(RegistrationForm.Clicker, request.Email, null, request.Password, null, StartSession: true),
            cancellationToken);
        return ToResponse(registered.Tokens!);
    }

    [ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status403Forbidden)]
    [HttpPost("/auth")]
    public async Task<KitchenTokensResponse> SignIn(KitchenCredentials request, CancellationToken cancellationToken) =>
        ToResponse((await mediator.Send(new SignInWithPasswordCommand(request.Email, request.Password), cancellationToken)).Tokens);

    [ProducesErrors(StatusCodes.Status401Unauthorized)]
    [HttpPost("/refresh")]
    public async Task<KitchenTokensResponse> Refresh(KitchenRefreshRequest request, CancellationToken cancellationToken) =>
        ToResponse((await mediator.Send(new RefreshSessionCommand(request.RefreshToken), cancellationToken)).Tokens);

    private static KitchenTokensResponse ToResponse(SessionTokens tokens) => new(new KitchenTokens(tokens.AccessToken, tokens.RefreshToken));
}
