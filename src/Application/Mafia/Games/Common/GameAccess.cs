using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>Loads a game the caller may look at: a player, or an admin.</summary>
public sealed class GameAccess(IRepository<Game> games, ICurrentUser user)
{
    public IRepository<Game> Games { get; } = games;

    public long CallerId => user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);

    /// <param name="forReading">True for a query that changes nothing (the game is not tracked).</param>
    public async Task<Game> LoadAsync(string? gameId, CancellationToken cancellationToken, bool allowAdmin = true, bool forReading = false)
    {
        var id = MafiaIds.Game(gameId);
        var game = await Games.FirstOrDefaultAsync(new GameByIdSpec(id, forReading), cancellationToken) ?? throw new DomainException(MafiaErrors.GameNotFound);
        if (!game.IsPlayer(CallerId) && !(allowAdmin && user.IsInRole(Roles.Admin)))
        {
            throw new DomainException(GameErrors.NotAPlayer);
        }

        return game;
    }
}
