using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Idempotency.Commands.PurgeIdempotencyKeys;
using MediatR;
using Quartz;

namespace CleanGames.Infrastructure.Persistence.Idempotency;

/// <summary>Hourly: deletes idempotency keys past their retention, batch by batch until none is left.</summary>
[DisallowConcurrentExecution]
internal sealed class IdempotencyPurgeJob(IMediator mediator, IServiceReadiness readiness) : IJob
{
    public static readonly JobKey Key = new("platform.idempotency.purge");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Before migrations finish there is nothing to purge; the next firing does it.
        if (!readiness.IsReady)
        {
            return;
        }

        while (await mediator.Send(new PurgeIdempotencyKeysCommand(), cancellationToken) > 0 && !cancellationToken.IsCancellationRequested)
        {
        }
    }
}
