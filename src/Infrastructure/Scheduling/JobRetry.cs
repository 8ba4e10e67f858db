using Quartz;

namespace CleanGames.Infrastructure.Scheduling;

/// <summary>
/// Retries a failed one-shot job with exponential back-off (1 s, 2 s, 4 s, … capped at 30 s): a new
/// trigger for the same job, carrying the attempt number. A one-shot trigger that fails is otherwise
/// gone for good.
/// </summary>
internal static class JobRetry
{
    public const string AttemptKey = "retry.attempt";
    public const int MaxAttempts = 10;
    private static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    /// <summary>The back-off before attempt <paramref name="attempt"/> (2 is the first retry).</summary>
    public static TimeSpan DelayBefore(int attempt) =>
        TimeSpan.FromSeconds(Math.Min(MaxDelay.TotalSeconds, Math.Pow(2, Math.Max(0, attempt - 2))));

    /// <summary>Schedules the next attempt; false when <see cref="MaxAttempts"/> were made (something else must catch it).</summary>
    public static async Task<bool> ScheduleAsync(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var attempt = (context.Trigger.JobDataMap.TryGetInt(AttemptKey, out var current) ? current : 1) + 1;
        if (attempt > MaxAttempts)
        {
            return false;
        }

        var retry = TriggerBuilder.Create()
            .ForJob(context.JobDetail.Key)
            .UsingJobData(AttemptKey, attempt)
            .StartAt(DateTimeOffset.UtcNow + DelayBefore(attempt))
            .Build();
        await context.Scheduler.ScheduleJob(retry, new ScheduleJobOptions(), cancellationToken);
        return true;
    }
}
