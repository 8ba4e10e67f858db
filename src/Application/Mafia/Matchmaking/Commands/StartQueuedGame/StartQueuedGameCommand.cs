using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Lobbies.Common;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;

namespace CleanGames.Application.Mafia.Matchmaking.Commands.StartQueuedGame;

/// <summary>
/// Starts the game of a table the matcher formed (the server's request, never a client's): the
/// entries must all still be waiting, else nothing happens (the next run plans again). A player who
/// meanwhile sat down elsewhere leaves the queue and the table is not started. Answers the game's id,
/// or null when it did not start.
/// </summary>
public sealed record StartQueuedGameCommand(string Mode, IReadOnlyList<Guid> EntryIds) : IRequest<Guid?>;

public sealed class StartQueuedGameCommandHandler(
    IRepository<QueueEntry> queue,
    IRepository<Game> games,
    IMatchmakingModes modes,
    SeatGuard seats,
    LobbyTable tables,
    IClock clock) : IRequestHandler<StartQueuedGameCommand, Guid?>
{
    public async Task<Guid?> Handle(StartQueuedGameCommand request, CancellationToken cancellationToken)
    {
        var entries = await queue.ListAsync(new QueueEntriesSpec(request.EntryIds), cancellationToken);
        if (modes.Find(request.Mode) is not { } mode || entries.Count != request.EntryIds.Count || !entries.TrueForAll(e => e.IsWaiting && e.Mode == mode.Name))
        {
            return null;
        }

        var now = clock.UtcNow;
        if (await seats.AnyBusyAsync(entries.ConvertAll(e => e.AccountId), cancellationToken))
        {
            // Rare: someone sat down elsewhere meanwhile. Find who, take them out, and leave the rest waiting.
            foreach (var entry in entries)
            {
                if (await seats.BusyAsync(entry.AccountId, null, cancellationToken) is not null)
                {
                    entry.Remove(now);
                }
            }

            await queue.SaveChangesAsync(cancellationToken);
            return null;
        }

        var bySeat = request.EntryIds.Select(id => entries.Find(e => e.Id == id)!).ToArray();
        var game = await tables.StartAsync(mode, bySeat.Select(e => e.AccountId).ToArray(), games, now, cancellationToken);
        foreach (var entry in bySeat)
        {
            entry.Match(game.Id, now);
        }

        await queue.SaveChangesAsync(cancellationToken);
        return game.Id;
    }
}
