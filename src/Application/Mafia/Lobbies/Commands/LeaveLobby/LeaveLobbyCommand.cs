using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Commands.LeaveLobby;

/// <summary>
/// Takes the caller out of a lobby whose game has not started (the lobby id or its invite code).
/// If everyone left is then ready and there are at least four, the game starts.
/// </summary>
[AuthorizeRequest]
public sealed record LeaveLobbyCommand(string LobbyId) : IRequest<MafiaSuccess>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Lobby;
}

public sealed class LeaveLobbyCommandHandler(IRepository<Lobby> lobbies, IRepository<Game> games, LobbyTable table) : IRequestHandler<LeaveLobbyCommand, MafiaSuccess>
{
    public Task<MafiaSuccess> Handle(LeaveLobbyCommand request, CancellationToken cancellationToken) =>
        table.ChangeAsync(request.LobbyId, (lobby, accountId) => lobby.Leave(accountId), lobbies, games, cancellationToken);
}
