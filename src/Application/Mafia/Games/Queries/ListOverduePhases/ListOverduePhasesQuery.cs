using Ardalis.Specification;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Mafia.Games;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Queries.ListOverduePhases;

/// <summary>
/// The deadline sweep's question: unfinished games whose current phase deadline passed at least
/// <see cref="Grace"/> ago (their trigger was lost or failed), oldest deadline first, at most <see cref="Limit"/>.
/// </summary>
public sealed record ListOverduePhasesQuery(TimeSpan Grace, int Limit) : IRequest<IReadOnlyList<OverduePhase>>;

public sealed record OverduePhase(Guid GameId, int PhaseNumber);

public sealed class ListOverduePhasesQueryHandler(IReadRepository<Game> games, IClock clock) : IRequestHandler<ListOverduePhasesQuery, IReadOnlyList<OverduePhase>>
{
    public async Task<IReadOnlyList<OverduePhase>> Handle(ListOverduePhasesQuery request, CancellationToken cancellationToken) =>
        await games.ListAsync(new OverduePhasesSpec(clock.UtcNow - request.Grace, request.Limit), cancellationToken);
}

public sealed class OverduePhasesSpec : Specification<Game, OverduePhase>
{
    public OverduePhasesSpec(DateTimeOffset dueBefore, int limit)
    {
        Query.Where(g => g.Phase != GamePhase.Ended && g.PhaseDeadline != null && g.PhaseDeadline <= dueBefore)
            .OrderBy(g => g.PhaseDeadline)
            .Take(limit)
            .AsNoTracking();
        Query.Select(g => new OverduePhase(g.Id, g.PhaseNumber));
    }
}
