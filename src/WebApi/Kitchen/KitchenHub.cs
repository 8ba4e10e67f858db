using System.Globalization;
using System.Text.Json;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Sessions.Commands.AttachKitchenConnection;
using CleanGames.Application.Kitchen.Sessions.Commands.DetachKitchenConnection;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Kitchen;

/// <summary>
/// <c>/hubs/kitchen</c>: a method per seed request type, each returning what <c>/ws</c> puts in the
/// response's <c>data</c> (the session plus what the request produced, or <c>error {code, message}</c>).
/// The account's other hub connections get a <c>session</c> event <c>{request_type, session}</c> after each change.
/// Every method runs the request type's one registration on the realtime router; <c>invoke(request_type, data)</c>
/// runs any of them, so a request type added to the module is served here without a new method.
/// </summary>
[Authorize]
public sealed partial class KitchenHub(RealtimeCommandRouter router, KitchenHubPresence presence, ILogger<KitchenHub> logger) : Hub
{
    public static string AccountGroup(long accountId) => "kitchen:account:" + accountId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var accountId = AccountId();
        // Subscribed before the session is kept live, as on /ws, so no change of this moment is missed.
        await Groups.AddToGroupAsync(Context.ConnectionId, AccountGroup(accountId), Context.ConnectionAborted);
        presence.Accounts.Join(accountId);
        try
        {
            await router.SendAsync(new AttachKitchenConnectionCommand(), Call, Context.ConnectionAborted);
        }
        catch
        {
            // SignalR does not call OnDisconnectedAsync for a connection that failed to connect.
            presence.Accounts.Leave(accountId);
            throw;
        }

        await base.OnConnectedAsync();
    }

    public override async Task OnDisconnectedAsync(Exception? exception)
    {
        presence.Accounts.Leave(AccountId());
        await router.SendAsync(new DetachKitchenConnectionCommand(), Call, CancellationToken.None);
        await base.OnDisconnectedAsync(exception);
    }

    [HubMethodName("session")]
    public Task<object?> Session() => InvokeAsync("session", new KitchenRequestData());

    [HubMethodName("cook")]
    public Task<object?> Cook() => InvokeAsync("cook", new KitchenRequestData());

    [HubMethodName("sell")]
    public Task<object?> Sell() => InvokeAsync("sell", new KitchenRequestData());

    /// <summary>Takes the seed's data (<c>{"id": "3"}</c>) or the id itself, as a string or a number.</summary>
    [HubMethodName("upgrade_buy")]
    public Task<object?> UpgradeBuy(JsonElement data)
    {
        var id = data.ValueKind == JsonValueKind.Object && data.TryGetProperty("id", out var inner) ? inner : data;
        var text = id.ValueKind switch
        {
            JsonValueKind.String => id.GetString(),
            JsonValueKind.Number => id.GetRawText(),
            _ => null,
        };
        return InvokeAsync("upgrade_buy", new KitchenRequestData(Id: text));
    }

    [HubMethodName("level_up")]
    public Task<object?> LevelUp() => InvokeAsync("level_up", new KitchenRequestData());

    [HubMethodName("level_check")]
    public Task<object?> LevelCheck() => InvokeAsync("level_check", new KitchenRequestData());

    [HubMethodName("session_reset")]
    public Task<object?> SessionReset() => InvokeAsync("session_reset", new KitchenRequestData());

    [HubMethodName("passive")]
    public Task<object?> Passive() => InvokeAsync("passive", new KitchenRequestData());

    /// <summary>Any request type with the seed's <c>data</c>, answered as its own method would answer.</summary>
    [HubMethodName("invoke")]
    public async Task<object?> Invoke(string requestType, JsonElement data)
    {
        if (!router.TryGet(KitchenRealtime.Domain, requestType, out var command))
        {
            return KitchenRealtime.Error(KitchenRealtime.UnknownRequestType(router, requestType));
        }

        return await RunAsync(requestType, () => router.ExecuteAsync(command!, data, Call, Context.ConnectionAborted));
    }

    private Task<object?> InvokeAsync(string requestType, KitchenRequestData data) =>
        RunAsync(requestType, () => router.InvokeAsync(KitchenRealtime.Domain, requestType, data, Call, Context.ConnectionAborted));

    private async Task<object?> RunAsync(string requestType, Func<Task<object?>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception exception)
        {
            if (!ExceptionMapping.IsExpected(exception))
            {
                LogRequestFailed(exception, requestType);
            }

            return KitchenRealtime.Error(exception);
        }
    }

    private RealtimeCall Call => new(Context.User!, Context.ConnectionId);

    private long AccountId() => long.Parse(Context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture);

    [LoggerMessage(Level = LogLevel.Error, Message = "Kitchen hub request {RequestType} failed")]
    private partial void LogRequestFailed(Exception exception, string requestType);
}
