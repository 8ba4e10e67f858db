using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Games.Commands.EndPhase;
using CleanGames.Application.Mafia.Games.Commands.RescheduleDeadlines;
using CleanGames.Application.Mafia.Games.Common;
using MediatR;
using Quartz;

namespace CleanGames.Infrastructure.Mafia;

/// <summary>
/// Fires at a phase's deadline and sends <see cref="EndPhaseCommand"/>. The key names the game
/// and the phase (<c>mafia.phase-deadline.{game}.{phase}</c>), so scheduling the same deadline
/// twice is one trigger, and a stale one is a no-op in the game.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class PhaseDeadlineJob(IMediator mediator) : IJob
{
    public const string GameKey = "gameId";
    public const string PhaseKey = "phase";

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var data = context.MergedJobDataMap;
        var gameId = Guid.Parse(data.GetString(GameKey)!, CultureInfo.InvariantCulture);
        await mediator.Send(new EndPhaseCommand(gameId, data.GetInt(PhaseKey)), cancellationToken);
    }

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

/// <summary>Once the database is ready after a start: the deadlines of unfinished games are scheduled again.</summary>
[DisallowConcurrentExecution]
internal sealed class RescheduleDeadlinesJob(IMediator mediator, IServiceReadiness readiness) : IJob
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

        await mediator.Send(new RescheduleDeadlinesCommand(), cancellationToken);
    }
}
