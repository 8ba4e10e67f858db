using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Views.Commands.AggregateChapterViews;
using CleanGames.Infrastructure.Scheduling;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleanGames.Infrastructure.Novels;

/// <summary>
/// Every <c>Novels:ViewsFlushSeconds</c>: writes the chapter reads counted in this instance's memory
/// and brings every novel's <c>views_daily</c> to its last 24 hours (<see cref="AggregateChapterViewsCommand"/>).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ChapterViewsJob(IServiceScopeFactory scopes, IServiceReadiness readiness) : IJob
{
    public static readonly JobKey Key = new("novels.chapter-views");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AggregateChapterViewsCommand(), cancellationToken);
    }
}

/// <summary>Schedules <see cref="ChapterViewsJob"/> at start, every <c>Novels:ViewsFlushSeconds</c>.</summary>
internal sealed class ChapterViewsSchedule(ISchedulerFactory schedulers, IOptions<NovelsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        RepeatingJobs.ScheduleAsync<ChapterViewsJob>(schedulers, ChapterViewsJob.Key, "novels.chapter-views.every", TimeSpan.FromSeconds(options.Value.ViewsFlushSeconds), fromStart: true, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>After the server has stopped serving, writes the reads still in memory so a restart loses none.</summary>
internal sealed class ChapterViewsShutdownFlush(IServiceScopeFactory scopes, IServiceReadiness readiness, ILogger<ChapterViewsShutdownFlush> logger) : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StoppedAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AggregateChapterViewsCommand(), CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "Chapter views counted since the last write could not be written at shutdown.");
        }
    }
}
