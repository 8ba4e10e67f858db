using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>
/// Who may look at a game: a player, or an admin. It loads through the repository the handler
/// passes in, so each handler's dependencies stay visible in its constructor.
/// </summary>
public sealed class GameAccess(ICurrentUser user, CallerRoles roles)
{
    public long CallerId => user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);

    /// <param name="forReading">True for a query that changes nothing (the game is not tracked).</param>
    public async Task<Game> LoadAsync(IReadRepository<Game> games, string? gameId, CancellationToken cancellationToken, bool allowAdmin = true, bool forReading = false)
    {
        ArgumentNullException.ThrowIfNull(games);
        var id = MafiaIds.Game(gameId);
        var game = await games.FirstOrDefaultAsync(new GameByIdSpec(id, forReading), cancellationToken) ?? throw new DomainException(MafiaErrors.GameNotFound);
        await EnsureMayLookAsync(game.IsPlayer(CallerId), allowAdmin, cancellationToken);
        return game;
    }

    /// <summary>
    /// For a read that projects what it needs instead of loading the game: a projection that found
    /// nothing is "game not found", and the caller must be one of its players or an admin.
    /// </summary>
    public async Task<T> EnsureMayReadAsync<T>(T? projection, Func<T, bool> callerIsPlayer, CancellationToken cancellationToken)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(callerIsPlayer);
        if (projection is null)
        {
            throw new DomainException(MafiaErrors.GameNotFound);
        }

        await EnsureMayLookAsync(callerIsPlayer(projection), allowAdmin: true, cancellationToken);
        return projection;
    }

    private async Task EnsureMayLookAsync(bool callerIsPlayer, bool allowAdmin, CancellationToken cancellationToken)
    {
        if (!callerIsPlayer && !(allowAdmin && await roles.IsInRoleAsync(Roles.Admin, cancellationToken)))
        {
            throw new DomainException(GameErrors.NotAPlayer);
        }
    }
}
