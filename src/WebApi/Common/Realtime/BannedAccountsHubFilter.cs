using System.Globalization;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>
/// Every hub connection re-checks, as it opens, that its account is not banned (the token may predate
/// the ban); a banned account's connection is refused. Raw sockets check the same at their upgrade.
/// Open connections are known by account (<see cref="HubConnections"/>), so a ban can end them at once.
/// </summary>
internal sealed class BannedAccountsHubFilter(HubConnections connections) : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (AccountOf(context.Context) is { } accountId)
        {
            if (await context.ServiceProvider.GetRequiredService<IAccountDirectory>().IsBannedAsync(accountId, context.Context.ConnectionAborted))
            {
                throw new HubException("This account is banned.");
            }

            connections.Add(accountId, context.Context);
        }

        connections.Opened(HubOf(context.Context));
        try
        {
            await next(context);
        }
        catch
        {
            // A connection whose hub refused it in OnConnectedAsync is closed without OnDisconnectedAsync.
            Forget(context.Context);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        Forget(context.Context);
        await next(context, exception);
    }

    private void Forget(HubCallerContext context)
    {
        if (AccountOf(context) is { } accountId)
        {
            connections.Remove(accountId, context);
        }

        connections.Closed(HubOf(context));
    }

    /// <summary>The hub's path (<c>/hubs/kitchen</c>), as the connection's request reached it.</summary>
    private static string HubOf(HubCallerContext context) =>
        context.GetHttpContext() is { } http ? WebSocketConnectionTracker.TransportOf(http) : "/hubs";

    private static long? AccountOf(HubCallerContext context) =>
        long.TryParse(context.User?.FindFirst(AccountClaimTypes.Subject)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId) ? accountId : null;
}
