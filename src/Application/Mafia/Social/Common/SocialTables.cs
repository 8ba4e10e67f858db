using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Social;

namespace CleanGames.Application.Mafia.Social.Common;

/// <summary>The game and the players a social request names.</summary>
public static class SocialTables
{
    /// <summary>The game as its seating: an id that names no game (malformed included) is "Game not found".</summary>
    public static async Task<SharedTable> LoadAsync(IReadRepository<Game> games, string? gameId, CancellationToken cancellationToken) =>
        await games.FirstOrDefaultAsync(new SharedTableSpec(MafiaIds.Game(gameId)), cancellationToken)
        ?? throw new DomainException(MafiaErrors.GameNotFound);

    /// <summary>The caller, the existing account the request is about ("User not found" otherwise) and the game it names.</summary>
    public static async Task<(long Caller, long Other, SharedTable Table)> ResolveAsync(
        ICurrentUser user, IAccountDirectory accounts, IReadRepository<Game> games, string? otherUser, string? gameId, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var other = await Wallets.ExistingPlayerAsync(accounts, otherUser, cancellationToken);
        return (caller, other, await LoadAsync(games, gameId, cancellationToken));
    }

    /// <summary>Saves a record made once per key; the same request sent twice at once meets the store's unique key and is <paramref name="duplicate"/>.</summary>
    public static async Task SaveOnceAsync(IUnitOfWork unitOfWork, DomainError duplicate, CancellationToken cancellationToken)
    {
        try
        {
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            throw new DomainException(duplicate);
        }
    }
}
