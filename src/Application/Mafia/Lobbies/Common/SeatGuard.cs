using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;

namespace CleanGames.Application.Mafia.Lobbies.Common;

/// <summary>Makes sure the caller may take a seat: not banned, not in another unfinished game or lobby, not waiting in the queue.</summary>
public sealed class SeatGuard(IReadRepository<Game> games, IReadRepository<Lobby> lobbies, IReadRepository<QueueEntry> queue, IPlayerStanding standing)
{
    public async Task EnsureFreeAsync(long accountId, Guid? exceptLobby, CancellationToken cancellationToken)
    {
        if (!(await standing.OfAsync(accountId, cancellationToken)).CanPlay)
        {
            throw new DomainException(MafiaErrors.Banned);
        }

        if (await BusyAsync(accountId, exceptLobby, cancellationToken) is { } busy)
        {
            throw new DomainException(busy);
        }

        if (await queue.AnyAsync(new WaitingEntryOfSpec(accountId), cancellationToken))
        {
            throw new DomainException(MafiaErrors.InQueue);
        }
    }

    /// <summary>Whether any of the players sits at a table (an unfinished game or an open lobby): two queries for a whole table.</summary>
    public async Task<bool> AnyBusyAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken) =>
        await games.AnyAsync(new UnfinishedGameOfAnySpec(accountIds), cancellationToken)
        || await lobbies.AnyAsync(new OpenLobbyOfAnySpec(accountIds), cancellationToken);

    /// <summary>Why the player cannot sit at another table (in an unfinished game, or in an open lobby other than <paramref name="exceptLobby"/>), or null.</summary>
    public async Task<DomainError?> BusyAsync(long accountId, Guid? exceptLobby, CancellationToken cancellationToken)
    {
        if (await games.AnyAsync(new UnfinishedGameOfPlayerSpec(accountId), cancellationToken))
        {
            return MafiaErrors.InUnfinishedGame;
        }

        return await lobbies.AnyAsync(new OpenLobbyOfMemberSpec(accountId, exceptLobby), cancellationToken) ? MafiaErrors.InAnotherLobby : null;
    }

    /// <summary>
    /// Saves a lobby the caller just took a seat in. The check above reads before this write, so two
    /// joins racing into two lobbies can both pass it; the store's one-seat index then refuses the
    /// second save, which is answered as the check would have answered it.
    /// </summary>
    public async Task SaveTakingSeatAsync(IRepository<Lobby> lobbies, long accountId, Guid? lobbyId, CancellationToken cancellationToken)
    {
        try
        {
            await lobbies.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            await EnsureFreeAsync(accountId, lobbyId, cancellationToken);
            throw;
        }
    }
}
