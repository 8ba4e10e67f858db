using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CleanGames.Infrastructure.Authentication;

public static class AuthenticationRegistration
{
    internal static IServiceCollection AddJwtAuthentication(this IServiceCollection services)
    {
        services.AddOptions<JwtOptions>().BindConfiguration(JwtOptions.Section).ValidateOnStart();
        services.AddSingleton<JwtOptionsSetup>();
        services.AddSingleton<IPostConfigureOptions<JwtOptions>>(sp => sp.GetRequiredService<JwtOptionsSetup>());
        services.AddSingleton<IValidateOptions<JwtOptions>>(sp => sp.GetRequiredService<JwtOptionsSetup>());
        services.AddSingleton<IAccessTokenIssuer, JwtAccessTokenIssuer>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme)
            .Configure<IOptions<JwtOptions>, IServiceProvider>((bearer, jwtOptions, services) =>
            {
                var jwt = jwtOptions.Value;
                bearer.MapInboundClaims = false;
                bearer.TimeProvider = services.GetRequiredKeyedService<TimeProvider>(ApplicationClock.Key);
                bearer.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = jwt.Issuer,
                    ValidAudience = jwt.Audience,
                    IssuerSigningKey = JwtAccessTokenIssuer.CreateKey(jwt),
                    ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
                    ValidateIssuer = true,
                    ValidateAudience = true,
                    ValidateLifetime = true,
                    ValidateIssuerSigningKey = true,
                    RequireExpirationTime = true,
                    ClockSkew = TimeSpan.FromSeconds(30),
                    NameClaimType = AccountClaimTypes.Subject,
                    RoleClaimType = AccountClaimTypes.Role,
                };
                bearer.Events ??= new JwtBearerEvents();
                bearer.Events.OnMessageReceived = ReadTokenFromQueryOnRealtimeRequests;
            });
        return services;
    }

    // Browsers cannot set headers on a WebSocket upgrade, so realtime endpoints also accept the token
    // in the query string (`access_token` as SignalR clients send it, `token` as the seeds write it).
    // Plain HTTP requests never do: a token in a URL ends up in logs and browser history.
    private static Task ReadTokenFromQueryOnRealtimeRequests(MessageReceivedContext context)
    {
        var request = context.HttpContext.Request;
        if (string.IsNullOrEmpty(request.Headers.Authorization) && QueryToken(context.HttpContext) is { } token)
        {
            context.Token = token;
        }

        return Task.CompletedTask;
    }

    private static string? QueryToken(HttpContext context)
    {
        var request = context.Request;
        var isRealtime = context.WebSockets.IsWebSocketRequest
                         || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
        if (!isRealtime || !request.QueryString.HasValue)
        {
            return null;
        }

        var token = request.Query["access_token"].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
        return string.IsNullOrEmpty(token) ? null : token;
    }

    /// <summary>
    /// Authenticates the requests that offer a bearer token (the <c>Authorization</c> header, or the
    /// query string on a realtime request) and leaves every other request anonymous without asking
    /// the bearer handler, which would only answer "no result" after costing a request scope and a
    /// handler. Endpoints that require a caller still challenge the anonymous ones (401 in their dialect).
    /// </summary>
    public static IApplicationBuilder UseJwtAuthentication(this IApplicationBuilder app)
    {
        app.UseWhen(OffersToken, authenticated => authenticated.UseAuthentication());
        // UseAuthentication marks the builder it is called on; a branch's mark does not reach the root,
        // and a host whose root is unmarked puts a second, unconditional authentication in front.
        app.Properties[AuthenticationMiddlewareSetKey] = true;
        return app;
    }

    /// <summary>The mark <c>UseAuthentication</c> leaves in <see cref="IApplicationBuilder.Properties"/> (not a public constant).</summary>
    private const string AuthenticationMiddlewareSetKey = "__AuthenticationMiddlewareSet";

    private static bool OffersToken(HttpContext context) =>
        context.Request.Headers.Authorization.Count > 0 || QueryToken(context) is not null;
}
