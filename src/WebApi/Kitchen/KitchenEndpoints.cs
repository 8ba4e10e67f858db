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
        services.AddRealtimeCommand<KitchenRequestData, OpenKitchenSessionResult>("kitchen", "session", _ => new OpenKitchenSessionCommand());
        services.AddRealtimeCommand<KitchenRequestData, CookResult>("kitchen", "cook", _ => new CookCommand());
        services.AddRealtimeCommand<KitchenRequestData, SellResult>("kitchen", "sell", _ => new SellCommand());
        services.AddRealtimeCommand<KitchenRequestData, BuyUpgradeResult>("kitchen", "upgrade_buy", data => new BuyUpgradeCommand(data.Id));
        services.AddRealtimeCommand<KitchenRequestData, LevelUpResult>("kitchen", "level_up", _ => new LevelUpCommand());
        services.AddRealtimeCommand<KitchenRequestData, CheckLevelResult>("kitchen", "level_check", _ => new CheckLevelQuery());
        services.AddRealtimeCommand<KitchenRequestData, ResetKitchenSessionResult>("kitchen", "session_reset", _ => new ResetKitchenSessionCommand());
        services.AddRealtimeCommand<KitchenRequestData, CollectPassiveIncomeResult>("kitchen", "passive", _ => new CollectPassiveIncomeCommand());
        services.AddSingleton<KitchenHubPresence>();
        services.AddSingleton<IRealtimeSink, KitchenHubSink>();
        return services;
    }

    /// <summary><c>/ws</c> (the seed's socket) and <c>/hubs/kitchen</c>.</summary>
    public static IEndpointRouteBuilder MapKitchen(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/ws", KitchenSocketEndpoint.ConnectAsync).AllowAnonymous().WithDialect(ApiDialect.Clicker).ExcludeFromDescription();
        endpoints.MapHub<KitchenHub>("/hubs/kitchen").RequireAuthorization();
        return endpoints;
    }
}
