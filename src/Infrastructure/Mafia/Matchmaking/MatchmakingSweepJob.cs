using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Mafia.Matchmaking.Commands.SweepQueue;
using CleanGames.Application.Mafia.Matchmaking.Common;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using CleanGames.Infrastructure.Scheduling;
using Quartz;

namespace CleanGames.Infrastructure.Mafia.Matchmaking;

/// <summary>
/// Every <c>Matchmaking:SweepSeconds</c> from the start: drops queued players who stopped listening
/// for longer than the grace period, then runs the matcher (which is how waiting players widen to
/// smaller tables, and how a queue left by a restart is matched).
/// </summary>
[DisallowConcurrentExecution]
internal sealed class MatchmakingSweepJob(IServiceScopeFactory scopes, IServiceReadiness readiness, QueueMatcherRunner matcher) : IJob
{
    public static readonly JobKey Key = new("matchmaking.sweep");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        await using (var scope = scopes.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepQueueCommand(), cancellationToken);
        }

        await matcher.RunAsync(cancellationToken);
    }
}

/// <summary>Schedules <see cref="MatchmakingSweepJob"/> at start, every <c>Matchmaking:SweepSeconds</c>.</summary>
internal sealed class MatchmakingSweepSchedule(ISchedulerFactory schedulers, IOptions<MatchmakingOptions> options) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await RepeatingJobs.ScheduleAsync<MatchmakingSweepJob>(schedulers, MatchmakingSweepJob.Key, "matchmaking.sweep.every", TimeSpan.FromSeconds(options.Value.SweepSeconds), fromStart: true, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
