using System.Globalization;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Common.Realtime;

/// <summary>
/// Every hub connection re-checks, as it opens, that its account is not banned (the token may predate
/// the ban); a banned account's connection is refused. Raw sockets check the same at their upgrade.
/// </summary>
internal sealed class BannedAccountsHubFilter : IHubFilter
{
    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (long.TryParse(context.Context.User?.FindFirst(AccountClaimTypes.Subject)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var accountId)
            && await context.ServiceProvider.GetRequiredService<IAccountDirectory>().IsBannedAsync(accountId, context.Context.ConnectionAborted))
        {
            throw new HubException("This account is banned.");
        }

        await next(context);
    }
}
