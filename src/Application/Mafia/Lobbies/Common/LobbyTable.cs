using System.Security.Cryptography;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Common;

/// <summary>
/// What a member's change to a lobby shares: the lobby is found (404), the caller must be in it
/// (403), a started one is a 409, and when the change leaves the table ready the game starts in
/// the same save, its roles dealt from a cryptographic seed. The handler passes in the repositories
/// it saves through.
/// </summary>
public sealed class LobbyTable(ICurrentUser user, IClock clock)
{
    public async Task<MafiaSuccess> ChangeAsync(string lobbyIdOrCode, Func<Lobby, long, bool> change, IRepository<Lobby> lobbies, IRepository<Game> games, CancellationToken cancellationToken)
    {
        var lobby = await lobbies.FirstOrDefaultAsync(new LobbyByIdOrCodeSpec(lobbyIdOrCode), cancellationToken) ?? throw new DomainException(MafiaErrors.LobbyNotFound);
        var accountId = user.AccountId!.Value;
        if (!lobby.IsMember(accountId))
        {
            throw new DomainException(LobbyErrors.NotAMember);
        }

        if (change(lobby, accountId))
        {
            var game = lobby.StartGame(Guid.NewGuid(), RandomNumberGenerator.GetBytes(DealShuffle.SeedBytes), clock.UtcNow);
            await games.AddAsync(game, cancellationToken);
        }

        await lobbies.SaveChangesAsync(cancellationToken);
        return new MafiaSuccess();
    }
}
