using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Commands.JoinLobby;

/// <summary>Joins by invite code: 404 unknown code; 409 full, started, or the caller busy elsewhere.</summary>
[AuthorizeRequest]
public sealed record JoinLobbyCommand(string InviteCode) : IRequest<MafiaSuccess>, IRateLimitedRequest
{
    public string RateBucket => MafiaRateBuckets.Lobby;
}

public sealed class JoinLobbyCommandHandler(IRepository<Lobby> lobbies, SeatGuard seats, ICurrentUser user, IClock clock) : IRequestHandler<JoinLobbyCommand, MafiaSuccess>
{
    public async Task<MafiaSuccess> Handle(JoinLobbyCommand request, CancellationToken cancellationToken)
    {
        var accountId = user.AccountId!.Value;
        var lobby = await lobbies.FirstOrDefaultAsync(new LobbyByIdOrCodeSpec(request.InviteCode), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
        await seats.EnsureFreeAsync(accountId, lobby.Id, cancellationToken);
        lobby.Join(accountId, clock.UtcNow);

        await seats.SaveTakingSeatAsync(lobbies, accountId, lobby.Id, cancellationToken);
        return new MafiaSuccess();
    }
}
