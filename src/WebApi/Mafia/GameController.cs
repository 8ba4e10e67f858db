using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Commands.AdvancePhase;
using CleanGames.Application.Mafia.Games.Commands.CastVote;
using CleanGames.Application.Mafia.Games.Commands.EndGame;
using CleanGames.Application.Mafia.Games.Commands.SubmitNightAction;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Games.Queries.GetGameState;
using CleanGames.Application.Mafia.Games.Queries.GetHistory;
using CleanGames.Application.Mafia.Games.Queries.GetMyGame;
using CleanGames.Application.Mafia.Games.Queries.GetPlayers;
using CleanGames.Application.Mafia.Games.Queries.ListActiveGames;
using CleanGames.Application.Mafia.Lobbies.Commands.CreateGame;
using CleanGames.Application.Mafia.Lobbies.Commands.CreateLobby;
using CleanGames.Application.Mafia.Matchmaking.Commands.JoinQueue;
using CleanGames.Application.Mafia.Matchmaking.Commands.LeaveQueue;
using CleanGames.Application.Mafia.Lobbies.Commands.JoinLobby;
using CleanGames.Application.Mafia.Lobbies.Commands.LeaveLobby;
using CleanGames.Application.Mafia.Lobbies.Commands.MarkLobbyReady;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Application.Mafia.Lobbies.Queries.GetLobby;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Idempotency;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Mafia;

/// <summary>Seed 000 <c>VoteRequest</c>: a null <c>target_id</c> skips.</summary>
public sealed record VoteRequest(string? TargetId = null);

/// <summary>Seed 000 <c>NightActionRequest</c>: both fields required.</summary>
public sealed record NightActionRequest(string Action, string TargetId);

/// <summary>Seed 000 <c>CreateGameRequest</c> (deprecated route).</summary>
public sealed record CreateGameRequest(int PlayerCount, string? Mode = "classic", LobbySettingsInput? Settings = null);

/// <summary>Seed 000 section 2, <c>/api/game</c>, in the FastAPI dialect.</summary>
[ApiController]
[Authorize]
[Route("api/game")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: game")]
public sealed class GameController(IMediator mediator) : ControllerBase
{
    /// <summary>Deprecated: makes a lobby of <c>player_count</c> seats and points at its join route.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)]
    [HttpPost("create")]
    public Task<DeprecatedCreateResult> Create(CreateGameRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new CreateGameCommand(request.PlayerCount, request.Mode, request.Settings), cancellationToken);

    [HttpGet("active")]
    public Task<GameListResult> Active([FromQuery] int? page, [FromQuery(Name = "per_page")] int? perPage, CancellationToken cancellationToken) =>
        mediator.Send(new ListActiveGamesQuery(page, perPage), cancellationToken);

    [HttpGet("my_game")]
    public Task<MyGameResult> MyGame(CancellationToken cancellationToken) => mediator.Send(new GetMyGameQuery(), cancellationToken);

    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [HttpGet("{gameId}/state")]
    public Task<GameStateView> State(string gameId, CancellationToken cancellationToken) => mediator.Send(new GetGameStateQuery(gameId), cancellationToken);

    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests)]
    [HttpPost("{gameId}/vote")]
    public Task<MafiaSuccess> Vote(string gameId, VoteRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new CastVoteCommand(gameId, request.TargetId), cancellationToken);

    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status429TooManyRequests)]
    [HttpPost("{gameId}/action")]
    public Task<MafiaSuccess> Action(string gameId, NightActionRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new SubmitNightActionCommand(gameId, request.Action, request.TargetId), cancellationToken);

    /// <summary>Admin: ends the current phase now, resolved as at its deadline.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [HttpPost("{gameId}/advance_phase")]
    public Task<GameStateView> AdvancePhase(string gameId, CancellationToken cancellationToken) => mediator.Send(new AdvancePhaseCommand(gameId), cancellationToken);

    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [HttpGet("{gameId}/players")]
    public Task<PlayersResult> Players(string gameId, [FromQuery] string? role, CancellationToken cancellationToken) =>
        mediator.Send(new GetPlayersQuery(gameId, role), cancellationToken);

    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [HttpGet("{gameId}/history")]
    public Task<HistoryResult> History(string gameId, [FromQuery] int? day, CancellationToken cancellationToken) =>
        mediator.Send(new GetHistoryQuery(gameId, day), cancellationToken);

    /// <summary>Admin: ends the game with <c>winner_team</c> (<c>mafia</c> or <c>citizens</c>).</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [HttpPost("admin/{gameId}/end")]
    public Task<GameStateView> End(string gameId, [FromQuery(Name = "winner_team")] string? winnerTeam, CancellationToken cancellationToken) =>
        mediator.Send(new EndGameCommand(gameId, winnerTeam), cancellationToken);
}

/// <summary>Seed 000 section 5, the queue half of <c>/api/matchmaking</c>: players of a mode who share a language are seated together.</summary>
[ApiController]
[Authorize]
[Route("api/matchmaking/queue")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: matchmaking")]
public sealed class QueueController(IMediator mediator) : ControllerBase
{
    /// <summary>
    /// Queues the caller for <c>mode</c> (<c>classic</c>, <c>quick</c>) in one or more <c>languages</c> (ISO 639-1,
    /// repeated: <c>?languages=en&amp;languages=ru</c>); answers <c>{"status": "queued"}</c>. <c>match_found</c> comes on
    /// <c>/ws/notifications</c> and <c>/hubs/notifications</c>: keep one open while queued.
    /// </summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status422UnprocessableEntity, StatusCodes.Status429TooManyRequests)]
    [HttpPost("join")]
    public Task<QueueJoined> Join([FromQuery] string? mode, [FromQuery] string[]? languages, CancellationToken cancellationToken) =>
        mediator.Send(new JoinQueueCommand(mode, languages), cancellationToken);

    /// <summary>Leaves the queue: <c>{"success": true}</c>, or <c>false</c> when the caller was not waiting (never queued, or already matched).</summary>
    [ProducesErrors(StatusCodes.Status429TooManyRequests)]
    [HttpPost("leave")]
    public Task<MafiaSuccess> Leave(CancellationToken cancellationToken) => mediator.Send(new LeaveQueueCommand(), cancellationToken);
}

/// <summary>Seed 000 section 5, the lobby half of <c>/api/matchmaking</c>.</summary>
[ApiController]
[Authorize]
[Route("api/matchmaking/lobby")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: lobbies")]
public sealed class LobbyController(IMediator mediator) : ControllerBase
{
    public sealed record CreateLobbyRequest(string? Mode = null, int? MaxPlayers = null, LobbySettingsInput? Settings = null);

    /// <summary>Creates a lobby; the body is optional. Answers <c>{"invite_code", "lobby_id"}</c>. Accepts <c>Idempotency-Key</c>.</summary>
    [Idempotent]
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)]
    [HttpPost("create")]
    public Task<LobbyCreated> Create([FromBody(EmptyBodyBehavior = Microsoft.AspNetCore.Mvc.ModelBinding.EmptyBodyBehavior.Allow)] CreateLobbyRequest? request, CancellationToken cancellationToken) =>
        mediator.Send(new CreateLobbyCommand(request?.Mode, request?.MaxPlayers, request?.Settings), cancellationToken);

    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)]
    [HttpPost("join/{inviteCode}")]
    public Task<MafiaSuccess> Join(string inviteCode, CancellationToken cancellationToken) => mediator.Send(new JoinLobbyCommand(inviteCode), cancellationToken);

    /// <summary>Marks the caller ready (the lobby id or its invite code); the game starts when everyone is ready.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)]
    [HttpPost("{lobbyId}/ready")]
    public Task<MafiaSuccess> Ready(string lobbyId, CancellationToken cancellationToken) => mediator.Send(new MarkLobbyReadyCommand(lobbyId), cancellationToken);

    /// <summary>Leaves a lobby whose game has not started (the lobby id or its invite code); the last one out closes it.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status429TooManyRequests)]
    [HttpPost("{lobbyId}/leave")]
    public Task<MafiaSuccess> Leave(string lobbyId, CancellationToken cancellationToken) => mediator.Send(new LeaveLobbyCommand(lobbyId), cancellationToken);

    [ProducesErrors(StatusCodes.Status404NotFound)]
    [HttpGet("{lobbyId}")]
    public Task<LobbyView> Get(string lobbyId, CancellationToken cancellationToken) => mediator.Send(new GetLobbyQuery(lobbyId), cancellationToken);
}
