using CleanGames.Application.Novels.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using CleanGames.WebApi.Common.Security;

namespace CleanGames.WebApi.Novels;

/// <summary>Novels' transport: the dialect of <c>/api/v1</c> and the links its answers carry (its controllers are attribute-routed) and <c>/hubs/reader</c>.</summary>
public static class NovelsEndpoints
{
    public static IServiceCollection AddNovelsTransport(this IServiceCollection services)
    {
        // Seed 004 lives under /api/v1, inside the FastAPI /api space: the longer prefix wins.
        services.Configure<DialectRouteOptions>(routes => routes.MapPrefix("/api/v1", ApiDialect.Novels));
        services.AddHttpContextAccessor();
        services.AddScoped<INovelLinks, HttpNovelLinks>();
        NovelsRateLimits.AddPolicies(services);
        services.AddSingleton<IRealtimeSink, ReaderHubSink>();
        return services;
    }

    /// <summary><c>/hubs/reader</c>: token required (header or <c>?access_token=</c>), closed when the token expires.</summary>
    public static IEndpointRouteBuilder MapNovels(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapHub<ReaderHub>("/hubs/reader", RealtimeHubs.CloseOnTokenExpiry).RequireAuthorization().AcceptsQueryToken();
        return endpoints;
    }
}
