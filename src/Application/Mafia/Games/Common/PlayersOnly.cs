using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>A request only the game's players may make (a vote, a night action).</summary>
public interface IGamePlayerRequest
{
    string GameId { get; }
}

/// <summary>
/// Checks that the caller plays in the game with one indexed read, before the request takes the
/// game's lock: a stranger flooding a game's votes is refused (403, or 404 for no such game) without
/// ever queueing on the lock its players need.
/// </summary>
public sealed class PlayersOnly<TRequest>(IReadRepository<Game> games, ICurrentUser user) : IRequestAuthorizer<TRequest>
    where TRequest : IGamePlayerRequest
{
    public async Task<bool> IsAllowedAsync(TRequest request, CancellationToken cancellationToken)
    {
        var gameId = MafiaIds.Game(request.GameId);
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        if (await games.AnyAsync(new GamePlayerSpec(gameId, caller), cancellationToken))
        {
            return true;
        }

        throw new DomainException(await games.AnyAsync(new GameByIdSpec(gameId, forReading: true), cancellationToken)
            ? GameErrors.NotAPlayer
            : MafiaErrors.GameNotFound);
    }
}

public sealed class GamePlayerSpec : Specification<Game>
{
    public GamePlayerSpec(Guid gameId, long accountId) =>
        Query.Where(g => g.Id == gameId && g.Players.Any(p => p.AccountId == accountId)).AsNoTracking();
}
