using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Operations.Common;
using CleanGames.Application.Operations.Instances.Commands.ReportInstance;
using CleanGames.Infrastructure.Scheduling;
using MediatR;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleanGames.Infrastructure.Operations;

/// <summary>Every <c>Operations:HeartbeatSeconds</c> from the start: this instance writes its open connections per transport.</summary>
[DisallowConcurrentExecution]
internal sealed class InstanceHeartbeatJob(IMediator mediator, IServiceReadiness readiness) : IJob
{
    public static readonly JobKey Key = new("operations.heartbeat");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        await mediator.Send(new ReportInstanceCommand(), cancellationToken);
    }
}

/// <summary>Schedules <see cref="InstanceHeartbeatJob"/> at start, every <c>Operations:HeartbeatSeconds</c>.</summary>
internal sealed class InstanceHeartbeatSchedule(ISchedulerFactory schedulers, IOptions<OperationsOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        RepeatingJobs.ScheduleAsync<InstanceHeartbeatJob>(schedulers, InstanceHeartbeatJob.Key, "operations.heartbeat.every", TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), fromStart: true, cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
