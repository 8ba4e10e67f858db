using CleanGames.Application.Common.Abstractions;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Health;
using CleanGames.WebApi.Common.Http;
using CleanGames.WebApi.Common.Idempotency;
using CleanGames.WebApi.Common.Json;
using CleanGames.WebApi.Common.OpenApi;
using CleanGames.WebApi.Common.Pages;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;
using CleanGames.WebApi.Gateway;
using CleanGames.WebApi.Kitchen;
using CleanGames.WebApi.Mafia;
using CleanGames.WebApi.Novels;
using CleanGames.WebApi.Operations;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.SignalR;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi;

/// <summary>The transport layer's registrations and request pipeline.</summary>
public static partial class WebApiRegistration
{
    /// <summary>How long a graceful shutdown may take before the host gives up on stragglers.</summary>
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(8);

    public static IServiceCollection AddWebApi(this IServiceCollection services)
    {
        services.AddRateLimitPolicies();
        services.AddCrossOrigin();
        services.Configure<HostOptions>(o => o.ShutdownTimeout = ShutdownTimeout);
        services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = 1024 * 1024;
        });

        services.AddControllers(mvc =>
            {
                mvc.Filters.Add<CurrentUserFilter>();
                mvc.Filters.Add<IdempotencyFilter>();
                mvc.Filters.Add<DialectEnvelopeFilter>();
            })
            .AddJsonOptions(json => WireJson.Configure(json.JsonSerializerOptions))
            .ConfigureApiBehaviorOptions(api =>
            {
                api.SuppressMapClientErrors = true;
                api.InvalidModelStateResponseFactory = context => ApiErrorResponder.AsResult(ModelStateErrors.ToApiError(context));
            });
        services.ConfigureHttpJsonOptions(json => WireJson.Configure(json.SerializerOptions));
        services.AddSingleton<HubConnections>();
        services.AddSingleton<IAccountConnections, AccountConnections>();
        services.AddSignalR(hubs => hubs.AddFilter<BannedAccountsHubFilter>()).AddJsonProtocol(json => WireJson.ConfigureHub(json.PayloadSerializerOptions));

        services.AddScoped<HttpCurrentUser>();
        services.AddScoped<ICurrentUser>(sp => sp.GetRequiredService<HttpCurrentUser>());

        services.AddSingleton<IDialectRenderer, FastApiRenderer>();
        services.AddSingleton<IDialectRenderer, ClickerRenderer>();
        services.AddSingleton<IDialectRenderer, GatewayRenderer>();
        services.AddSingleton<IDialectRenderer, NovelsRenderer>();
        services.AddSingleton<IDialectRenderer, ProblemDetailsRenderer>();
        services.AddSingleton<DialectResolver>();
        services.AddSingleton<ApiErrorResponder>();
        // The /api space is shared by seeds 000 and 003 (and Identity's /api/auth/telegram), all FastAPI;
        // our ingestion and admin APIs under it speak Problem Details. Each module adds its own prefixes.
        services.Configure<DialectRouteOptions>(routes => routes
            .MapPrefix("/api", ApiDialect.FastApi)
            .MapPrefix("/api/ingest", ApiDialect.ProblemDetails)
            .MapPrefix("/api/admin", ApiDialect.ProblemDetails));
        services.AddExceptionHandler<DialectExceptionHandler>();

        services.AddAuthorization();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, DialectAuthorizationResultHandler>();
        services.AddOptions<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme).PostConfigure(bearer =>
        {
            bearer.Events ??= new JwtBearerEvents();
            bearer.Events.OnMessageReceived = EndpointAuthentication.ReadQueryToken;
            bearer.Events.OnChallenge = async context =>
            {
                context.HandleResponse();
                await context.HttpContext.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(context.HttpContext, ApiError.Unauthenticated());
            };
            bearer.Events.OnForbidden = context =>
                context.HttpContext.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(context.HttpContext, ApiError.Forbidden());
        });

        services.AddApiReference();
        services.AddOptions<RealtimeOptions>().BindConfiguration(RealtimeOptions.Section)
            .Validate(o => o.MaxConnectionsPerAccount > 0 && o.MaxConnectionsPerAddress > 0 && o.AuthenticateWithinSeconds > 0 && o.IdleSeconds > 0,
                "Realtime:MaxConnectionsPerAccount, MaxConnectionsPerAddress, AuthenticateWithinSeconds and IdleSeconds must be positive.")
            .ValidateOnStart();
        services.AddSingleton<WebSocketConnectionTracker>();
        services.AddSingleton<AccessTokenValidator>();
        services.AddSingleton<SocketSubscriptions>();
        services.AddSingleton<IRealtimeSink>(sp => sp.GetRequiredService<SocketSubscriptions>());
        services.AddSingleton<IRealtimeNotifier, RealtimeNotifier>();
        services.AddSingleton<RealtimeCommandRouter>();

        // Each module's transport, one line per module.
        services.AddGatewayTransport();
        services.AddKitchenTransport();
        services.AddMafiaTransport();
        services.AddNovelsTransport();
        services.AddOperationsTransport();
        return services;
    }

    public static WebApplication UseWebApi(this WebApplication app)
    {
        // Forwarded headers are believed only from configured proxies; with none there is nothing to read.
        if (app.Services.GetRequiredService<IOptions<NetworkOptions>>().Value.TrustedProxies.Count > 0)
        {
            app.UseForwardedHeaders();
        }

        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // Expected outcomes (typed application errors, bad requests) are answers, not faults.
            SuppressDiagnosticsCallback = context => ExceptionMapping.IsExpected(context.Exception),
            // Reached only if the dialect handler declined, which it never does; kept as a last resort.
            ExceptionHandler = context => context.RequestServices.GetRequiredService<ApiErrorResponder>()
                .WriteAsync(context, ExceptionMapping.ForStatus(StatusCodes.Status500InternalServerError)),
        });
        app.UseMiddleware<EmptyErrorBodyMiddleware>();
        app.UseWebSockets(new WebSocketOptions { KeepAliveInterval = TimeSpan.FromSeconds(30) });
        app.UseBrowserPages();
        app.UseRouting();
        app.UseCrossOrigin();
        app.UseMiddleware<ReadinessGateMiddleware>();
        app.UseRateLimiter();
        app.UseEndpointAuthentication();
        app.UseEndpointAuthorization();

        var referencePublished = app.MapApiReference();
        app.MapHealthEndpoints();
        app.MapControllers();

        // Each module's hubs and sockets, one line per module (controllers are attribute-routed).
        app.MapGateway();
        app.MapKitchen();
        app.MapMafia();
        app.MapNovels();

        // Make sure the tracker exists before the first socket so shutdown can reach every one.
        app.Services.GetRequiredService<WebSocketConnectionTracker>();
        app.Lifetime.ApplicationStarted.Register(() => LogAddresses(app, referencePublished));
        return app;
    }

    private static void LogAddresses(WebApplication app, bool referencePublished)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        foreach (var address in addresses)
        {
            var root = address.Replace("://[::]", "://localhost", StringComparison.Ordinal)
                .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal)
                .Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal)
                .TrimEnd('/');
            if (referencePublished)
            {
                LogEndpoints(app.Logger, root);
            }
            else
            {
                LogHealthEndpoints(app.Logger, root);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "CleanGames is serving at {Root}: API reference {Root}/scalar, OpenAPI {Root}/openapi/v1.json, health {Root}/health/live and {Root}/health/ready")]
    private static partial void LogEndpoints(ILogger logger, string root);

    [LoggerMessage(Level = LogLevel.Information, Message = "CleanGames is serving at {Root}: health {Root}/health/live and {Root}/health/ready (API reference not published: Api:PublishReference is false)")]
    private static partial void LogHealthEndpoints(ILogger logger, string root);
}
