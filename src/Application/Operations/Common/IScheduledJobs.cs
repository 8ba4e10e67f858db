namespace CleanGames.Application.Operations.Common;

/// <summary>The triggers the scheduler holds, each with its job and next fire time.</summary>
public interface IScheduledJobs
{
    Task<IReadOnlyList<ScheduledTrigger>> ListAsync(CancellationToken cancellationToken);
}

/// <summary>
/// One trigger: <see cref="IntervalSeconds"/> for a repeating one (fractions of a second kept; null for a one-off deadline),
/// <see cref="State"/> as the scheduler says (<c>normal</c>, <c>paused</c>, <c>blocked</c> while its job runs, …).
/// </summary>
public sealed record ScheduledTrigger(
    string Job,
    string Group,
    string Trigger,
    string? Description,
    double? IntervalSeconds,
    DateTimeOffset? NextFireAt,
    DateTimeOffset? PreviousFireAt,
    string State);
