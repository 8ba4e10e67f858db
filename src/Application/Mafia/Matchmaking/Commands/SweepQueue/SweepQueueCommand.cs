using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Mafia.Matchmaking.Commands.SweepQueue;

/// <summary>
/// Notes which waiting players are not listening for <c>match_found</c> (on this instance's
/// notifications socket or hub) and drops those unheard for <c>Matchmaking:DisconnectGraceSeconds</c>.
/// Writes only what changed; answers how many entries changed.
/// </summary>
public sealed record SweepQueueCommand : IRequest<int>;

public sealed class SweepQueueCommandHandler(
    IRepository<QueueEntry> queue,
    IQueueListeners listeners,
    IOptions<MatchmakingOptions> options,
    IClock clock) : IRequestHandler<SweepQueueCommand, int>
{
    public async Task<int> Handle(SweepQueueCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var grace = TimeSpan.FromSeconds(options.Value.DisconnectGraceSeconds);
        var changed = 0;
        foreach (var entry in await queue.ListAsync(new WaitingEntriesSpec(toChange: true), cancellationToken))
        {
            if (entry.Heard(listeners.IsListening(entry.AccountId), now, grace))
            {
                changed++;
            }
        }

        if (changed > 0)
        {
            await queue.SaveChangesAsync(cancellationToken);
        }

        return changed;
    }
}
