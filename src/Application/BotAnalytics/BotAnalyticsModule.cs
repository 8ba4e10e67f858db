using CleanGames.Application.BotAnalytics.Bots.Commands.RotateIngestKey;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;
using CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;
using CleanGames.Application.BotAnalytics.Records.Queries.ListUsers;
using CleanGames.Application.Common.Security;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Application.BotAnalytics;

public static class BotAnalyticsModule
{
    /// <summary>The owner check on every request about one bot (seed 003 <c>verify_bot_access</c>).</summary>
    public static IServiceCollection AddBotAnalytics(this IServiceCollection services)
    {
        services.AddScoped<IRequestAuthorizer<RotateIngestKeyCommand>, BotOwnerOnly<RotateIngestKeyCommand>>();
        services.AddScoped<IRequestAuthorizer<ListUsersQuery>, BotOwnerOnly<ListUsersQuery>>();
        services.AddScoped<IRequestAuthorizer<ListPaymentsQuery>, BotOwnerOnly<ListPaymentsQuery>>();
        services.AddScoped<IRequestAuthorizer<ListSubscriptionsQuery>, BotOwnerOnly<ListSubscriptionsQuery>>();
        return services;
    }
}
