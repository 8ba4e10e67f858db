using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Common.Security;

/// <summary>
/// Checks an access token that arrives inside a message rather than on the request (the Kitchen
/// seed's <c>data.token</c>), with exactly the bearer handler's rules and keys.
/// </summary>
public sealed class AccessTokenValidator(IOptionsMonitor<JwtBearerOptions> options)
{
    public async Task<ClaimsPrincipal?> ValidateAsync(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 8192)
        {
            return null;
        }

        var bearer = options.Get(JwtBearerDefaults.AuthenticationScheme);
        foreach (var handler in bearer.TokenHandlers)
        {
            var result = await handler.ValidateTokenAsync(token, bearer.TokenValidationParameters);
            if (result.IsValid)
            {
                return new ClaimsPrincipal(result.ClaimsIdentity);
            }
        }

        return null;
    }
}
