using CleanGames.Application.BotAnalytics.Dashboards.Common;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.BotAnalytics;

internal static class BotAnalyticsInfrastructure
{
    /// <summary>BotAnalytics' adapters: rollup sums computed in the database.</summary>
    public static IServiceCollection AddBotAnalyticsInfrastructure(this IServiceCollection services) =>
        services.AddScoped<IRollupTotals, EfRollupTotals>();
}
