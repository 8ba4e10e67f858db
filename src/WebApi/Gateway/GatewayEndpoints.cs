using CleanGames.Application.Identity.Contracts;
using System.Globalization;
using System.Security.Claims;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Gateway.Queries.Ping;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;
using Microsoft.Extensions.Options;

namespace CleanGames.WebApi.Gateway;

/// <summary>The Gateway's transport: the seed-002 routes' dialect, <c>system.ping</c> and <c>/v1/connect</c>.</summary>
public static class GatewayEndpoints
{
    public static IServiceCollection AddGatewayTransport(this IServiceCollection services)
    {
        // /auth/* and /v1/* answer in the Gateway dialect even where no endpoint matches.
        services.Configure<DialectRouteOptions>(routes => routes
            .MapPrefix("/auth", ApiDialect.Gateway)
            .MapPrefix("/v1", ApiDialect.Gateway));
        services.AddOptions<GatewayOptions>().BindConfiguration(GatewayOptions.Section)
            .Validate(o => o.HeartbeatSeconds > 0 && o.MaxCommandsPerMinute > 0 && o.SendTimeoutSeconds > 0, "Gateway:* settings must be positive.")
            .ValidateOnStart();
        services.AddSingleton<GatewayReplyCache>();
        // sent_at is echoed exactly as it came (any JSON value), straight from the frame.
        services.AddRealtimeCommand<System.Text.Json.JsonElement, PingResult>("system", "ping", (payload, _) =>
            new PingQuery(payload.ValueKind == System.Text.Json.JsonValueKind.Object && payload.TryGetProperty("sent_at", out var sentAt) ? sentAt : null));
        return services;
    }

    /// <summary><c>GET /v1/connect</c>: the generic realtime gateway of seed 002 (token in the header or <c>?token=</c>).</summary>
    public static IEndpointRouteBuilder MapGateway(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/v1/connect", ConnectAsync)
            .RequireAuthorization()
            .AcceptsQueryTokenOnUpgrade()
            .WithDialect(ApiDialect.Gateway)
            .ExcludeFromDescription();
        return endpoints;
    }

    private static async Task ConnectAsync(HttpContext context, WebSocketConnectionTracker tracker, RealtimeCommandRouter router, GatewayReplyCache replies,
        IOptions<GatewayOptions> options, ILoggerFactory loggers)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await context.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(context,
                ApiError.From(GatewayTransportErrors.UpgradeRequired));
            return;
        }

        var accountId = long.Parse(context.User.FindFirstValue(AccountClaimTypes.Subject)!, CultureInfo.InvariantCulture);
        if (await context.RequestServices.GetRequiredService<IAccountDirectory>().IsBannedAsync(accountId, context.RequestAborted))
        {
            await context.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(context, ApiError.From(TransportErrors.Banned));
            return;
        }

        if (tracker.Admit(context, accountId) is not { } admission)
        {
            await context.RequestServices.GetRequiredService<ApiErrorResponder>().WriteAsync(context, ApiError.From(TransportErrors.TooManyConnections));
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var connection = tracker.Track(socket, admission, context.User);
        var session = new GatewayConnection(connection, context.User, accountId, options.Value, router, replies, tracker, loggers.CreateLogger<GatewayConnection>());
        await session.RunAsync(context.RequestAborted);
    }
}
