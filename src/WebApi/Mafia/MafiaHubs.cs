using System.Globalization;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Commands.CastVote;
using CleanGames.Application.Mafia.Games.Commands.SendChat;
using CleanGames.Application.Mafia.Games.Commands.SendEmoji;
using CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Games.Queries.JoinGame;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Security;
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
public sealed class GameHub(IMediator mediator, HttpCurrentUser currentUser) : Hub
{
    private const int MaxStateRereads = 3;

    public static string Group(string topic, long accountId) => topic + ":" + accountId.ToString(CultureInfo.InvariantCulture);

    /// <summary>Starts the game's events for this connection; sends <c>game_state</c> (and <c>role_assigned</c> to a player) and returns the state.</summary>
    public async Task<GameStateView> JoinGame(string gameId)
    {
        var joined = await SendAsync(new JoinGameQuery(gameId));
        var account = joined.IsPlayer ? long.Parse(Context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture) : MafiaTopics.Observers;
        await Groups.AddToGroupAsync(Context.ConnectionId, Group(MafiaTopics.Game(joined.GameId), account), Context.ConnectionAborted);
        // Read again now that events reach this connection, so no change falls between the state and the events.
        joined = await SendAsync(new JoinGameQuery(gameId));
        await Clients.Caller.SendAsync("game_state", joined.State, Context.ConnectionAborted);
        if (joined.Role is { } role)
        {
            await Clients.Caller.SendAsync("role_assigned", role, Context.ConnectionAborted);
        }

        // A change saved meanwhile may have reached this connection before that state: send the
        // state again until a read finds nothing newer than the last one sent.
        for (var attempt = 0; attempt < MaxStateRereads; attempt++)
        {
            var again = await SendAsync(new JoinGameQuery(gameId));
            if (again.Version == joined.Version)
            {
                break;
            }

            joined = again;
            await Clients.Caller.SendAsync("game_state", joined.State, Context.ConnectionAborted);
        }

        return joined.State;
    }

    public Task<MafiaSuccess> Vote(string gameId, string? targetId) => SendAsync(new CastVoteCommand(gameId, targetId));

    public Task<MafiaSuccess> NightAction(string gameId, string action, string targetId) => SendAsync(new SubmitNightActionCommand(gameId, action, targetId));

    public Task<MafiaSuccess> Chat(string gameId, string message) => SendAsync(new SendChatCommand(gameId, message));

    public Task<MafiaSuccess> Emoji(string gameId, string emoji) => SendAsync(new SendEmojiCommand(gameId, emoji));

    private async Task<T> SendAsync<T>(IRequest<T> request)
    {
        currentUser.Use(Context.User!, Context.ConnectionId);
        try
        {
            return await mediator.Send(request, Context.ConnectionAborted);
        }
        catch (Exception exception) when (ExceptionMapping.IsExpected(exception))
        {
            throw new HubException(ExceptionMapping.ToApiError(exception).SingleLineMessage());
        }
    }
}

/// <summary><c>/hubs/notifications</c>: the caller's <c>notification</c> events (lobby and game notices, <c>role_assigned</c>, later modules').</summary>
[Authorize]
public sealed class NotificationsHub : Hub
{
    public static string AccountGroup(long accountId) => MafiaTopics.Notifications + ":" + accountId.ToString(CultureInfo.InvariantCulture);

    public override async Task OnConnectedAsync()
    {
        var accountId = long.Parse(Context.User!.FindFirst(AccountClaimTypes.Subject)!.Value, CultureInfo.InvariantCulture);
        await Groups.AddToGroupAsync(Context.ConnectionId, AccountGroup(accountId), Context.ConnectionAborted);
        await base.OnConnectedAsync();
    }
}
