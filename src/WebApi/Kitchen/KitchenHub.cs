using System.Globalization;
using System.Text.Json;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Application.Kitchen.Sessions.Commands.BuyUpgrade;
using CleanGames.Application.Kitchen.Sessions.Commands.CollectPassiveIncome;
using CleanGames.Application.Kitchen.Sessions.Commands.Cook;
using CleanGames.Application.Kitchen.Sessions.Commands.LevelUp;
using CleanGames.Application.Kitchen.Sessions.Commands.OpenKitchenSession;
using CleanGames.Application.Kitchen.Sessions.Commands.ResetKitchenSession;
using CleanGames.Application.Kitchen.Sessions.Commands.Sell;
using CleanGames.Application.Kitchen.Sessions.Queries.CheckLevel;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Security;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Kitchen;

/// <summary>
/// <c>/hubs/kitchen</c>: a method per seed request type, each returning what <c>/ws</c> puts in the
/// response's <c>data</c> (the session plus what the request produced, or <c>error {code, message}</c>).
/// The account's other hub connections get a <c>session</c> event <c>{request_type, session}</c> after each change.
/// </summary>
[Authorize]
public sealed partial class KitchenHub(IMediator mediator, HttpCurrentUser currentUser, KitchenHubPresence presence, IKitchenSessionStore store, ILogger<KitchenHub> logger) : Hub
{
    public static string AccountGroup(long accountId) => "kitchen:account:" + accountId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var accountId = AccountId();
        await Groups.AddToGroupAsync(Context.ConnectionId, AccountGroup(accountId), Context.ConnectionAborted);
        presence.Accounts.Join(accountId);
        await store.AttachAsync(accountId, Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        var accountId = AccountId();
        presence.Accounts.Leave(accountId);
        await store.DetachAsync(accountId);
        await base.OnDisconnectedAsync(exception);
    }

    [HubMethodName("session")]
    public Task<object> Session() => SendAsync(new OpenKitchenSessionCommand());

    [HubMethodName("cook")]
    public Task<object> Cook() => SendAsync(new CookCommand());

    [HubMethodName("sell")]
    public Task<object> Sell() => SendAsync(new SellCommand());

    /// <summary>Takes the seed's data (<c>{"id": "3"}</c>) or the id itself, as a string or a number.</summary>
    [HubMethodName("upgrade_buy")]
    public Task<object> UpgradeBuy(JsonElement data)
    {
        var id = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id", out var inner) ? inner : data;
        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
        return SendAsync(new BuyUpgradeCommand(text));
    }

    [HubMethodName("level_up")]
    public Task<object> LevelUp() => SendAsync(new LevelUpCommand());

    [HubMethodName("level_check")]
    public Task<object> LevelCheck() => SendAsync(new CheckLevelQuery());

    [HubMethodName("session_reset")]
    public Task<object> SessionReset() => SendAsync(new ResetKitchenSessionCommand());

    [HubMethodName("passive")]
    public Task<object> Passive() => SendAsync(new CollectPassiveIncomeCommand());

    private async Task<object> SendAsync<TResult>(IRequest<TResult> request)
    {
        currentUser.Use(Context.User!, Context.ConnectionId);
        try
        {
            return (await mediator.Send(request, Context.ConnectionAborted))!;
        }
        catch (Exception exception)
        {
            if (!ExceptionMapping.IsExpected(exception))
            {
                LogRequestFailed(exception, request.GetType().Name);
            }

            return KitchenRealtime.Error(exception);
        }
    }

    private long AccountId() => long.Parse(Context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kitchen hub request {Request} failed")]
    private partial void LogRequestFailed(Exception exception, string request);
}
