using CleanGames.Application.BotAnalytics.Bots.Commands.RotateIngestKey;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Queries.GetAnalytics;
using CleanGames.Application.BotAnalytics.Dashboards.Queries.GetBotSummary;
using CleanGames.Application.BotAnalytics.Records.Queries.ListExpiringSubscriptions;
using CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;
using CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;
using CleanGames.Application.BotAnalytics.Records.Queries.ListUsers;
using CleanGames.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.BotAnalytics;

public static class BotAnalyticsModule
{
    /// <summary>The owner check on every request about one bot (seed 003 <c>verify_bot_access</c>) and the dashboards' rollup readers.</summary>
    public static IServiceCollection AddBotAnalytics(this IServiceCollection services)
    {
        services.AddScoped<IRequestAuthorizer<RotateIngestKeyCommand>, BotOwnerOnly<RotateIngestKeyCommand>>();
        services.AddScoped<IRequestAuthorizer<ListUsersQuery>, BotOwnerOnly<ListUsersQuery>>();
        services.AddScoped<IRequestAuthorizer<ListPaymentsQuery>, BotOwnerOnly<ListPaymentsQuery>>();
        services.AddScoped<IRequestAuthorizer<ListSubscriptionsQuery>, BotOwnerOnly<ListSubscriptionsQuery>>();
        services.AddScoped<IRequestAuthorizer<ListExpiringSubscriptionsQuery>, BotOwnerOnly<ListExpiringSubscriptionsQuery>>();
        services.AddScoped<IRequestAuthorizer<GetAnalyticsQuery>, BotOwnerOnly<GetAnalyticsQuery>>();
        services.AddScoped<IRequestAuthorizer<GetBotSummaryQuery>, BotOwnerOnly<GetBotSummaryQuery>>();
        services.AddScoped<RollupSums>();
        services.AddScoped<DailySeries>();
        return services;
    }
}
