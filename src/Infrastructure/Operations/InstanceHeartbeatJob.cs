using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Operations.Common;
using CleanGames.Application.Operations.Instances.Commands.ReportInstance;
using CleanGames.Application.Operations.Instances.Commands.RetireInstance;
using CleanGames.Infrastructure.Scheduling;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Quartz;

namespace CleanGames.Infrastructure.Operations;

/// <summary>Every <c>Operations:HeartbeatSeconds</c> from the start: this instance writes its open connections per transport.</summary>
[DisallowConcurrentExecution]
internal sealed class InstanceHeartbeatJob(IMediator mediator, IServiceReadiness readiness, IHostApplicationLifetime lifetime) : IJob
{
    public static readonly JobKey Key = new("operations.heartbeat");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Not before migrations finish, and not once shutting down (the row is being retired).
        if (!readiness.IsReady || lifetime.ApplicationStopping.IsCancellationRequested)
        {
            return;
        }

        await mediator.Send(new ReportInstanceCommand(), cancellationToken);
    }
}

/// <summary>
/// Schedules <see cref="InstanceHeartbeatJob"/> at start, every <c>Operations:HeartbeatSeconds</c>, and
/// retires this instance's row at a graceful shutdown.
/// </summary>
internal sealed partial class InstanceHeartbeatSchedule(
    ISchedulerFactory schedulers,
    IOptions<OperationsOptions> options,
    IServiceScopeFactory scopes,
    IServiceReadiness readiness,
    ILogger<InstanceHeartbeatSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        RepeatingJobs.ScheduleAsync<InstanceHeartbeatJob>(schedulers, InstanceHeartbeatJob.Key, "operations.heartbeat.every", TimeSpan.FromSeconds(options.Value.HeartbeatSeconds), fromStart: true, cancellationToken);

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (!readiness.IsReady)
        {
            return;
        }

        try
        {
            await using var scope = scopes.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new RetireInstanceCommand(), cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The others drop this instance after three missed heartbeats anyway.
            LogRetireFailed(exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not remove this instance's row at shutdown; the others stop listing it after three missed heartbeats")]
    private partial void LogRetireFailed(Exception exception);
}
