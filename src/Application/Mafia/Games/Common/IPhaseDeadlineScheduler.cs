using Ardalis.Specification;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Lobbies;

namespace CleanGames.Application.Mafia.Games.Common;

/// <summary>Schedules the deadline of a game's current phase (Quartz in Infrastructure).</summary>
public interface IPhaseDeadlineScheduler
{
    Task ScheduleAsync(Guid gameId, int phaseNumber, DateTimeOffset deadline, CancellationToken cancellationToken);
}
