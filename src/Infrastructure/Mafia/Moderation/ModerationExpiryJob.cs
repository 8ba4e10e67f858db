using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Moderation.Commands.ExpireModeration;
using CleanGames.Application.Mafia.Moderation.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using CleanGames.Infrastructure.Scheduling;
using Quartz;

namespace CleanGames.Infrastructure.Mafia.Moderation;

/// <summary>
/// Lifts bans and restrictions whose time has come, every <c>Moderation:ExpirySweepSeconds</c> from the
/// start (so one whose time passed while the server was down is lifted at once), batch after batch
/// until none is due.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class ModerationExpiryJob(IServiceScopeFactory scopes, IServiceReadiness readiness, IOptions<ModerationOptions> options) : IJob
{
    public static readonly JobKey Key = new("moderation.expire");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        var take = options.Value.ExpiryBatchSize;
        int ended;
        do
        {
            await using var scope = scopes.CreateAsyncScope();
            ended = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExpireModerationCommand(take), cancellationToken);
        }
        while (ended >= take && !cancellationToken.IsCancellationRequested);
    }
}

/// <summary>Schedules <see cref="ModerationExpiryJob"/> at start, every <c>Moderation:ExpirySweepSeconds</c>.</summary>
internal sealed class ModerationExpirySchedule(ISchedulerFactory schedulers, IOptions<ModerationOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RepeatingJobs.ScheduleAsync<ModerationExpiryJob>(schedulers, ModerationExpiryJob.Key, "moderation.expire.every", TimeSpan.FromSeconds(options.Value.ExpirySweepSeconds), fromStart: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
