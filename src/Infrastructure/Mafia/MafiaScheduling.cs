using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Games.Commands.EndPhase;
using CleanGames.Application.Mafia.Games.Commands.RescheduleDeadlines;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Games.Queries.ListOverduePhases;
using CleanGames.Infrastructure.Scheduling;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MediatR;
using Quartz;

namespace CleanGames.Infrastructure.Mafia;

/// <summary>
/// Fires at a phase's deadline and sends <see cref="EndPhaseCommand"/>. The key names the game
/// and the phase (<c>mafia.phase-deadline.{game}.{phase}</c>), so scheduling the same deadline
/// twice is one trigger, and a stale one is a no-op in the game. A failure is retried with back-off
/// (<see cref="JobRetry"/>); should every retry fail, <see cref="EndOverduePhasesJob"/> still ends the phase.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class PhaseDeadlineJob(IMediator mediator, ILogger<PhaseDeadlineJob> logger) : IJob
{
    public const string GameKey = "gameId";
    public const string PhaseKey = "phase";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var gameId = Guid.Parse(data.GetString(GameKey)!, CultureInfo.InvariantCulture);
        var phase = data.GetInt(PhaseKey);
        try
        {
            await mediator.Send(new EndPhaseCommand(gameId, phase), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var retried = await JobRetry.ScheduleAsync(context, CancellationToken.None);
            LogFailed(exception, gameId, phase, retried);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Ending phase {Phase} of game {GameId} at its deadline failed; retry scheduled: {Retried} (the deadline sweep ends it otherwise)")]
    private partial void LogFailed(Exception exception, Guid gameId, int phase, bool retried);

    public static JobKey KeyFor(Guid gameId, int phase) =>
        new(string.Create(CultureInfo.InvariantCulture, $"mafia.phase-deadline.{gameId:N}.{phase}"), "mafia");
}

internal sealed class QuartzPhaseDeadlineScheduler(ISchedulerFactory schedulers) : IPhaseDeadlineScheduler
{
    public async Task ScheduleAsync(Guid gameId, int phaseNumber, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var scheduler = await schedulers.GetScheduler(cancellationToken);
        var key = PhaseDeadlineJob.KeyFor(gameId, phaseNumber);
        if (await scheduler.GetJobDetail(key, cancellationToken) is not null)
        {
            return;
        }

        var job = JobBuilder.Create<PhaseDeadlineJob>()
            .WithIdentity(key)
            .UsingJobData(PhaseDeadlineJob.GameKey, gameId.ToString("D", CultureInfo.InvariantCulture))
            .UsingJobData(PhaseDeadlineJob.PhaseKey, phaseNumber)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(key.Name, key.Group)
            .StartAt(deadline)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        try
        {
            await scheduler.ScheduleJob(job, trigger, new ScheduleJobOptions(), cancellationToken);
        }
        catch (ObjectAlreadyExistsException)
        {
            // Another save scheduled the same deadline first.
        }
    }
}

/// <summary>
/// Once the database is ready after a start: the deadlines of unfinished games are scheduled again.
/// A failure is retried with back-off; the deadline sweep covers the games meanwhile.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class RescheduleDeadlinesJob(IMediator mediator, IServiceReadiness readiness, ILogger<RescheduleDeadlinesJob> logger) : IJob
{
    public static readonly JobKey Key = new("mafia.reschedule-deadlines");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            // Not yet: try again shortly.
            var retry = TriggerBuilder.Create().ForJob(Key).StartAt(DateTimeOffset.UtcNow.AddMilliseconds(200)).Build();
            await context.Scheduler.ScheduleJob(retry, new ScheduleJobOptions(), cancellationToken);
            return;
        }

        try
        {
            await mediator.Send(new RescheduleDeadlinesCommand(), cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var retried = await JobRetry.ScheduleAsync(context, CancellationToken.None);
            LogFailed(exception, retried);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Rescheduling the phase deadlines of unfinished games failed; retry scheduled: {Retried}")]
    private partial void LogFailed(Exception exception, bool retried);
}

/// <summary>
/// Every <c>Mafia:DeadlineSweepSeconds</c>: ends each phase whose deadline passed more than
/// <see cref="Grace"/> ago, whatever happened to its trigger (lost, failed past its retries, or
/// never scheduled because the event handler after the save failed). A lost trigger costs seconds,
/// never a game. Each game ends in its own scope, so one failing game does not hold up the rest.
/// </summary>
[DisallowConcurrentExecution]
internal sealed partial class EndOverduePhasesJob(IServiceScopeFactory scopes, IServiceReadiness readiness, ILogger<EndOverduePhasesJob> logger) : IJob
{
    public static readonly JobKey Key = new("mafia.end-overdue-phases");

    /// <summary>The deadline's own trigger gets this long to act first.</summary>
    public static readonly TimeSpan Grace = TimeSpan.FromSeconds(1);

    /// <summary>Games ended per sweep at most; the next sweep takes the rest.</summary>
    public const int BatchSize = 200;

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        IReadOnlyList<OverduePhase> overdue;
        await using (var scope = scopes.CreateAsyncScope())
        {
            overdue = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ListOverduePhasesQuery(Grace, BatchSize), cancellationToken);
        }

        foreach (var phase in overdue)
        {
            if (cancellationToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if (await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new EndPhaseCommand(phase.GameId, phase.PhaseNumber), cancellationToken))
                {
                    LogEnded(phase.GameId, phase.PhaseNumber);
                }
            }
            catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
            {
                LogFailed(exception, phase.GameId, phase.PhaseNumber);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The deadline sweep ended phase {Phase} of game {GameId}: its trigger did not")]
    private partial void LogEnded(Guid gameId, int phase);

    [LoggerMessage(Level = LogLevel.Error, Message = "The deadline sweep could not end phase {Phase} of game {GameId}; the next sweep tries again")]
    private partial void LogFailed(Exception exception, Guid gameId, int phase);
}

/// <summary>Schedules <see cref="EndOverduePhasesJob"/> at start, every <c>Mafia:DeadlineSweepSeconds</c>.</summary>
internal sealed class DeadlineSweepSchedule(ISchedulerFactory schedulers, IOptions<MafiaSchedulingOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var seconds = options.Value.DeadlineSweepSeconds;
        if (seconds == 0)
        {
            return;
        }

        await RepeatingJobs.ScheduleAsync<EndOverduePhasesJob>(schedulers, EndOverduePhasesJob.Key, "mafia.end-overdue-phases.every", TimeSpan.FromSeconds(seconds), fromStart: false, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary><c>Mafia:DeadlineSweepSeconds</c>: how often <see cref="EndOverduePhasesJob"/> runs (0 turns it off).</summary>
public sealed class MafiaSchedulingOptions
{
    public const string Section = "Mafia";

    public int DeadlineSweepSeconds { get; set; } = 5;
}
