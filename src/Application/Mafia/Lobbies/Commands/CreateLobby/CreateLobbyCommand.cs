using CleanGames.Application.Common.Behaviours;
using System.Security.Cryptography;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Commands.CreateLobby;

/// <summary>Creates a lobby; the caller is its first member. Seed: <c>{"invite_code"}</c>, plus <c>lobby_id</c>.</summary>
[AuthorizeRequest]
public sealed record CreateLobbyCommand(string? Mode, int? MaxPlayers, LobbySettingsInput? Settings) : IRequest<LobbyCreated>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Lobby;
}

public sealed record LobbyCreated(string InviteCode, string LobbyId);

public sealed class CreateLobbyCommandHandler(IRepository<Lobby> lobbies, SeatGuard seats, ICurrentUser user, IClock clock) : IRequestHandler<CreateLobbyCommand, LobbyCreated>
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public async Task<LobbyCreated> Handle(CreateLobbyCommand request, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId!.Value;
        await seats.EnsureFreeAsync(accountId, null, cancellationToken);
        var lobby = Lobby.Create(
            Guid.NewGuid(),
            RandomNumberGenerator.GetString(CodeAlphabet, Lobby.InviteCodeLength),
            request.Mode ?? "classic",
            request.MaxPlayers ?? GameSettings.MaxPlayers,
            (request.Settings ?? new LobbySettingsInput()).ToSettings(),
            accountId,
            clock.UtcNow);
        await lobbies.AddAsync(lobby, cancellationToken);
        await seats.SaveTakingSeatAsync(lobbies, accountId, null, cancellationToken);
        return new LobbyCreated(lobby.InviteCode, MafiaIds.Of(lobby.Id));
    }
}
