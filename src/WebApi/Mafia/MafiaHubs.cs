using System.Collections.Concurrent;
using System.Globalization;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Commands.CastVote;
using CleanGames.Application.Mafia.Games.Commands.SendChat;
using CleanGames.Application.Mafia.Games.Commands.SendEmoji;
using CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Games.Queries.JoinGame;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Security;
using System.Text.Json;
using CleanGames.WebApi.Common.Realtime;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;

namespace CleanGames.WebApi.Mafia;

/// <summary>
/// <c>/hubs/game</c>: the game socket's events under the same names and payloads
/// (<c>game_state</c>, <c>voting_started</c>, …, <c>game_ended</c>, <c>chat</c>, <c>emoji</c>), after
/// <c>JoinGame(game_id)</c>. Refusals reject the invocation with the REST route's <c>detail</c>.
/// </summary>
[Authorize]
public sealed partial class GameHub(RealtimeCommandRouter router, ILogger<GameHub> logger) : Hub
{
    public static string Group(string topic, long accountId) => topic + ":" + accountId.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// Starts the game's events for this connection by the one join handshake (subscribe, then the
    /// state with its version); sends <c>game_state</c> (and <c>role_assigned</c> to a player) and returns the state.
    /// </summary>
    public async Task<GameStateView> JoinGame(string gameId)
    {
        // Read first: who may watch this game, and which of its audiences this connection joins.
        var joined = await SendAsync(new JoinGameQuery(gameId));
        var account = joined.IsPlayer ? long.Parse(Context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture) : MafiaTopics.Observers;
        var last = await RealtimeJoin.RunAsync(
            () => Groups.AddToGroupAsync(Context.ConnectionId, Group(MafiaTopics.Game(joined.GameId), account), Context.ConnectionAborted),
            () => SendAsync(new JoinGameQuery(gameId)),
            async (state, first) =>
            {
                await Clients.Caller.SendAsync("game_state", state.State, Context.ConnectionAborted);
                if (first && state.Role is { } role)
                {
                    await Clients.Caller.SendAsync("role_assigned", role, Context.ConnectionAborted);
                }
            },
            state => state.Version,
            RealtimeJoin.MaxRereads,
            exception => LogRereadFailed(logger, exception, joined.GameId));
        return last.State;
    }

    public Task<MafiaSuccess> Vote(string gameId, string? targetId) => InvokeAsync("vote", new MafiaGameFrame(gameId, TargetId: targetId));

    public Task<MafiaSuccess> NightAction(string gameId, string action, string targetId) => InvokeAsync("night_action", new MafiaGameFrame(gameId, TargetId: targetId, Action: action));

    public Task<MafiaSuccess> Chat(string gameId, string message) => InvokeAsync("chat", new MafiaGameFrame(gameId, Message: message));

    public Task<MafiaSuccess> Emoji(string gameId, string emoji) => InvokeAsync("emoji", new MafiaGameFrame(gameId, Emoji: emoji));

    /// <summary>Any game command by name with its payload (<c>{"game_id", …}</c>), so a command added to the module is served here without a new method.</summary>
    [HubMethodName("invoke")]
    public Task<object?> Invoke(string command, JsonElement payload) =>
        RunAsync(() => router.TryGet(MafiaRealtime.Domain, command, out var handler)
            ? router.ExecuteAsync(handler!, payload, Call, Context.ConnectionAborted)
            : throw new HubException($"Unknown command \"{command}\"; expected one of: {string.Join(", ", router.CommandsOf(MafiaRealtime.Domain))}."));

    private async Task<MafiaSuccess> InvokeAsync(string command, MafiaGameFrame payload) =>
        (MafiaSuccess)(await RunAsync(() => router.InvokeAsync(MafiaRealtime.Domain, command, payload, Call, Context.ConnectionAborted)))!;

    private Task<T> SendAsync<T>(IRequest<T> request) => RunAsync(() => router.SendAsync(request, Call, Context.ConnectionAborted));

    private static async Task<T> RunAsync<T>(Func<Task<T>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception exception) when (ExceptionMapping.IsExpected(exception))
        {
            throw new HubException(ExceptionMapping.ToApiError(exception).SingleLineMessage());
        }
    }

    private RealtimeCall Call => new(Context.User!, Context.ConnectionId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading game {GameId} again after a hub joined it failed; the state already sent stands")]
    private static partial void LogRereadFailed(ILogger logger, Exception exception, Guid gameId);
}

/// <summary><c>/hubs/notifications</c>: the caller's <c>notification</c> events (lobby and game notices, <c>role_assigned</c>, later modules').</summary>
[Authorize]
public sealed class NotificationsHub(NotificationListeners listeners) : Hub
{
    private const string ListeningItem = "notifications.listening";

    public static string AccountGroup(long accountId) => MafiaTopics.Notifications + ":" + accountId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var accountId = AccountOf(Context);
        await Groups.AddToGroupAsync(Context.ConnectionId, AccountGroup(accountId), Context.ConnectionAborted);
        listeners.HubConnected(accountId);
        Context.Items[ListeningItem] = true;
        await base.OnConnectedAsync();
    }

    public override Task OnDisconnectedAsync(Exception? exception)
    {
        if (Context.Items.ContainsKey(ListeningItem))
        {
            listeners.HubDisconnected(AccountOf(Context));
        }

        return base.OnDisconnectedAsync(exception);
    }

    private static long AccountOf(HubCallerContext context) => long.Parse(context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture);
}

/// <summary>
/// Who listens for notifications on this instance: a <c>/ws/notifications</c> socket or a
/// <c>/hubs/notifications</c> connection. The queue keeps only players who can hear <c>match_found</c>.
/// </summary>
public sealed class NotificationListeners(SocketSubscriptions sockets) : IQueueListeners
{
    private readonly ConcurrentDictionary<long, int> _hubConnections = new();

    public bool IsListening(long accountId) => sockets.HasSubscriber(MafiaTopics.Notifications, accountId) || _hubConnections.ContainsKey(accountId);

    internal void HubConnected(long accountId) => _hubConnections.AddOrUpdate(accountId, 1, static (_, n) => n + 1);

    internal void HubDisconnected(long accountId)
    {
        while (_hubConnections.TryGetValue(accountId, out var open))
        {
            var done = open <= 1
                ? _hubConnections.TryRemove(new KeyValuePair<long, int>(accountId, open))
                : _hubConnections.TryUpdate(accountId, open - 1, open);
            if (done)
            {
                return;
            }
        }
    }
}
