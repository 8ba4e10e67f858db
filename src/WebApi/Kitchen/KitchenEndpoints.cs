using CleanGames.Application.Kitchen.Sessions.Commands.BuyUpgrade;
using CleanGames.Application.Kitchen.Sessions.Commands.CollectPassiveIncome;
using CleanGames.Application.Kitchen.Sessions.Commands.Cook;
using CleanGames.Application.Kitchen.Sessions.Commands.LevelUp;
using CleanGames.Application.Kitchen.Sessions.Commands.OpenKitchenSession;
using CleanGames.Application.Kitchen.Sessions.Commands.ResetKitchenSession;
using CleanGames.Application.Kitchen.Sessions.Commands.Sell;
using CleanGames.Application.Kitchen.Sessions.Queries.CheckLevel;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;

namespace CleanGames.WebApi.Kitchen;

/// <summary>Kitchen's transport: the seed-001 routes' dialect, the <c>kitchen.*</c> realtime commands, <c>/ws</c> and <c>/hubs/kitchen</c>.</summary>
public static class KitchenEndpoints
{
    public static IServiceCollection AddKitchenTransport(this IServiceCollection services)
    {
        // Seed 001's paths answer in the Clicker dialect even where no endpoint matches.
        services.Configure<DialectRouteOptions>(routes => routes
            .MapPrefix("/api/kitchen", ApiDialect.Clicker)
            .MapExact("/reg", ApiDialect.Clicker)
            .MapExact("/auth", ApiDialect.Clicker)
            .MapExact("/refresh", ApiDialect.Clicker)
            .MapExact("/ws", ApiDialect.Clicker));
        // In the order seed 001 lists them (an unknown request_type is answered with this list).
        services.AddRealtimeCommand<KitchenRequestData, CookResult>(KitchenRealtime.Domain, "cook", (_, _) => new CookCommand());
        services.AddRealtimeCommand<KitchenRequestData, SellResult>(KitchenRealtime.Domain, "sell", (_, _) => new SellCommand());
        services.AddRealtimeCommand<KitchenRequestData, BuyUpgradeResult>(KitchenRealtime.Domain, "upgrade_buy", (data, _) => new BuyUpgradeCommand(data.Id));
        services.AddRealtimeCommand<KitchenRequestData, OpenKitchenSessionResult>(KitchenRealtime.Domain, "session", (_, _) => new OpenKitchenSessionCommand());
        services.AddRealtimeCommand<KitchenRequestData, LevelUpResult>(KitchenRealtime.Domain, "level_up", (_, _) => new LevelUpCommand());
        services.AddRealtimeCommand<KitchenRequestData, CheckLevelResult>(KitchenRealtime.Domain, "level_check", (_, _) => new CheckLevelQuery());
        services.AddRealtimeCommand<KitchenRequestData, ResetKitchenSessionResult>(KitchenRealtime.Domain, "session_reset", (_, _) => new ResetKitchenSessionCommand());
        services.AddRealtimeCommand<KitchenRequestData, CollectPassiveIncomeResult>(KitchenRealtime.Domain, "passive", (_, _) => new CollectPassiveIncomeCommand());
        services.AddSingleton<KitchenHubPresence>();
        services.AddSingleton<IRealtimeSink, KitchenHubSink>();
        return services;
    }

    /// <summary><c>/ws</c> (the seed's socket) and <c>/hubs/kitchen</c>.</summary>
    public static IEndpointRouteBuilder MapKitchen(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ws", KitchenSocketEndpoint.ConnectAsync).AllowAnonymous().AcceptsQueryTokenOnUpgrade().WithDialect(ApiDialect.Clicker).ExcludeFromDescription();
        endpoints.MapHub<KitchenHub>("/hubs/kitchen", RealtimeHubs.CloseOnTokenExpiry).RequireAuthorization().AcceptsQueryToken();
        return endpoints;
    }
}
