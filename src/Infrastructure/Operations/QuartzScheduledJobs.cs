using CleanGames.Application.Operations.Common;
using Quartz;

namespace CleanGames.Infrastructure.Operations;

/// <summary>Reads the scheduler's jobs and their triggers (every trigger it holds; one-off deadlines included).</summary>
internal sealed class QuartzScheduledJobs(ISchedulerFactory schedulers) : IScheduledJobs
{
    public async Task<IReadOnlyList<ScheduledTrigger>> ListAsync(CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var triggers = new List<ScheduledTrigger>();
        foreach (var key in await scheduler.GetTriggerKeys(GroupMatcher<TriggerKey>.AnyGroup(), cancellationToken))
        {
            // A one-off trigger can fire and go between the listing and this read.
            if (await scheduler.GetTrigger(key, cancellationToken) is not { } trigger)
            {
                continue;
            }

            var state = await scheduler.GetTriggerState(key, cancellationToken);
            triggers.Add(new ScheduledTrigger(
                trigger.JobKey.Name,
                trigger.JobKey.Group,
                key.Name,
                trigger.Description,
                trigger is ISimpleTrigger { RepeatCount: not 0 } simple ? simple.RepeatInterval.TotalSeconds : null,
                trigger.NextFireTimeUtc,
                trigger.PreviousFireTimeUtc,
                state.ToString().ToLowerInvariant()));
        }

        return triggers;
    }
}
