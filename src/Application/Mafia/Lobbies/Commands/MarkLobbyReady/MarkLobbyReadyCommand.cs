using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Commands.MarkLobbyReady;

/// <summary>
/// Marks the caller ready (the lobby id or its invite code). When every member is ready and there
/// are at least four, the game starts in the same save: roles are dealt from a cryptographic seed.
/// </summary>
[AuthorizeRequest]
public sealed record MarkLobbyReadyCommand(string LobbyId) : IRequest<MafiaSuccess>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Lobby;
}

public sealed class MarkLobbyReadyCommandHandler(IRepository<Lobby> lobbies, IRepository<Game> games, LobbyTable table)
    : IRequestHandler<MarkLobbyReadyCommand, MafiaSuccess>
{
    public Task<MafiaSuccess> Handle(MarkLobbyReadyCommand request, CancellationToken cancellationToken) =>
        table.ChangeAsync(request.LobbyId, (lobby, accountId) => lobby.MarkReady(accountId), lobbies, games, cancellationToken);
}
