using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Commands.PurgeSpentTelegramProofs;
using MediatR;
using Quartz;

namespace CleanGames.Infrastructure.Identity;

/// <summary>Hourly: forgets spent Telegram proofs that are too old to be accepted anyway.</summary>
[DisallowConcurrentExecution]
internal sealed class PurgeSpentTelegramProofsJob(IMediator mediator, IServiceReadiness readiness) : IJob
{
    public static readonly JobKey Key = new("identity.purge-spent-telegram-proofs");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Before migrations finish there is nothing to purge; the next firing does it.
        if (!readiness.IsReady)
        {
            return;
        }

        while (await mediator.Send(new PurgeSpentTelegramProofsCommand(), cancellationToken) > 0 && !cancellationToken.IsCancellationRequested)
        {
        }
    }
}
