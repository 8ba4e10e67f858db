using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace CleanGames.Infrastructure.Authentication;

internal static class AuthenticationRegistration
{
    public static IServiceCollection AddJwtAuthentication(this IServiceCollection services)
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
        var isRealtime = context.HttpContext.WebSockets.IsWebSocketRequest
                         || request.Path.StartsWithSegments("/hubs", StringComparison.OrdinalIgnoreCase);
        if (isRealtime && string.IsNullOrEmpty(request.Headers.Authorization))
        {
            var token = request.Query["access_token"].FirstOrDefault() ?? request.Query["token"].FirstOrDefault();
            if (!string.IsNullOrEmpty(token))
            {
                context.Token = token;
            }
        }

        return Task.CompletedTask;
    }
}
