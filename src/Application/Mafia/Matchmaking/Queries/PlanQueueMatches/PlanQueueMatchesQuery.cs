using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Matchmaking.Common;
using CleanGames.Domain.Mafia.Matchmaking;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Mafia.Matchmaking.Queries.PlanQueueMatches;

/// <summary>The tables the queue can form now (<see cref="QueueMatcher"/>); nothing is changed.</summary>
public sealed record PlanQueueMatchesQuery : IRequest<IReadOnlyList<QueueMatch>>;

public sealed class PlanQueueMatchesQueryHandler(
    IReadRepository<QueueEntry> queue,
    IMatchmakingModes modes,
    IOptions<MatchmakingOptions> options,
    IClock clock) : IRequestHandler<PlanQueueMatchesQuery, IReadOnlyList<QueueMatch>>
{
    public async Task<IReadOnlyList<QueueMatch>> Handle(PlanQueueMatchesQuery request, CancellationToken cancellationToken)
    {
        var waiting = await queue.ListAsync(new WaitingEntriesSpec(), cancellationToken);
        return QueueMatcher.Plan(
            waiting.Select(e => new QueuedPlayer(e.Id, e.AccountId, e.Mode, e.LanguageCodes, e.JoinedAt)),
            modes.Find,
            clock.UtcNow,
            TimeSpan.FromSeconds(options.Value.WidenAfterSeconds));
    }
}
