using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Novels.Readers.EventHandlers;
using CleanGames.WebApi.Common.Realtime;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Novels;

/// <summary>
/// <c>/hubs/reader</c>: a reader's connections join their account's group and receive
/// <c>progress_updated</c> (a <c>ReadingProgress</c>) whenever their progress is saved elsewhere.
/// Progress is saved with <c>POST /api/v1/progress</c>; the hub's one method, <c>ping</c>, answers
/// <c>pong</c> once the connection has joined its group (a client that must not miss a push waits for it).
/// </summary>
[Authorize]
public sealed class ReaderHub : Hub
{
    public static string AccountGroup(long accountId) => ProgressPushes.Topic + ":" + accountId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var accountId = long.Parse(Context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture);
        await Groups.AddToGroupAsync(Context.ConnectionId, AccountGroup(accountId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }

    [HubMethodName("ping")]
    public string Ping() => "pong";
}

/// <summary>Pushes the Novels reader events to the account's <c>/hubs/reader</c> connections (except the one that caused them, when named).</summary>
internal sealed partial class ReaderHubSink(IHubContext<ReaderHub> hub, ILogger<ReaderHubSink> logger) : IRealtimeSink
{
    public ValueTask DeliverAsync(RealtimeEvent realtimeEvent, CancellationToken cancellationToken)
    {
        if (realtimeEvent.Topic == ProgressPushes.Topic)
        {
            // Not awaited: a stalled hub client must not hold up the request that saved the progress.
            _ = SendAsync(realtimeEvent);
        }

        return ValueTask.CompletedTask;
    }

    private async Task SendAsync(RealtimeEvent realtimeEvent)
    {
        try
        {
            var group = ReaderHub.AccountGroup(realtimeEvent.AccountId);
            var clients = realtimeEvent.ExceptConnectionId is { } except ? hub.Clients.GroupExcept(group, except) : hub.Clients.Group(group);
            await clients.SendAsync(realtimeEvent.Name, realtimeEvent.Payload, CancellationToken.None);
        }
        catch (Exception exception)
        {
            LogPushFailed(exception, realtimeEvent.Name);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pushing {EventName} to /hubs/reader failed")]
    private partial void LogPushFailed(Exception exception, string eventName);
}
