using Quartz;

namespace CleanGames.Infrastructure.Scheduling;

/// <summary>The one way a module's sweep is scheduled: a durable job fired every interval, for ever.</summary>
internal static class RepeatingJobs
{
    /// <summary>
    /// Schedules <typeparamref name="TJob"/> as <paramref name="key"/> every <paramref name="interval"/>
    /// (replacing a schedule of the same name). <paramref name="fromStart"/>: the first run is at once
    /// (work whose time passed while the server was down), else one interval after the start. A missed
    /// firing is not made up: the next one comes on time.
    /// </summary>
    public static async Task ScheduleAsync<TJob>(ISchedulerFactory schedulers, JobKey key, string triggerName, TimeSpan interval, bool fromStart, CancellationToken cancellationToken)
        where TJob : IJob
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var job = JobBuilder.Create<TJob>().WithIdentity(key).StoreDurably().Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(triggerName)
            .StartAt(fromStart ? DateTimeOffset.UtcNow : DateTimeOffset.UtcNow.Add(interval))
            .WithSimpleSchedule(schedule => schedule.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], new ScheduleJobOptions { Replace = true }, cancellationToken);
    }
}
