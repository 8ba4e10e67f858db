using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Lobbies.Commands.CreateLobby;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using FluentValidation;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Commands.CreateGame;

/// <summary>Seed <c>POST /api/game/create</c> (deprecated): makes a lobby of that size and points at its join route.</summary>
[AuthorizeRequest]
public sealed record CreateGameCommand(int PlayerCount, string? Mode, LobbySettingsInput? Settings) : IRequest<DeprecatedCreateResult>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Lobby;
}

public sealed record DeprecatedCreateResult(string Message, string Redirect);

public sealed class CreateGameCommandHandler(IMediator mediator) : IRequestHandler<CreateGameCommand, DeprecatedCreateResult>
{
    public async Task<DeprecatedCreateResult> Handle(CreateGameCommand request, CancellationToken cancellationToken)
    {
        var lobby = await mediator.Send(new CreateLobbyCommand(request.Mode, request.PlayerCount, request.Settings), cancellationToken);
        return new DeprecatedCreateResult(
            "Deprecated: games are made through matchmaking lobbies. A lobby was created; share its invite code.",
            "/api/matchmaking/lobby/join/" + lobby.InviteCode);
    }
}
