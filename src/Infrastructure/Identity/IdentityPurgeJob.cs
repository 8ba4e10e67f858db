using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Commands.PurgeExpiredSessions;
using CleanGames.Application.Identity.Commands.PurgeSignInThrottle;
using CleanGames.Application.Identity.Commands.PurgeSpentTelegramProofs;
using MediatR;
using Quartz;

namespace CleanGames.Infrastructure.Identity;

/// <summary>
/// Hourly: removes refresh-token families that can never be used again, spent Telegram proofs too old
/// to be accepted anyway, and sign-in throttle pairs quiet for the forget window. Each batched purge
/// runs until a batch comes back empty.
/// </summary>
[DisallowConcurrentExecution]
internal sealed class IdentityPurgeJob(IMediator mediator, IServiceReadiness readiness) : IJob
{
    public static readonly JobKey Key = new("identity.purge");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        // Before migrations finish there is nothing to purge; the next firing does it.
        if (!readiness.IsReady)
        {
            return;
        }

        while (await mediator.Send(new PurgeExpiredSessionsCommand(), cancellationToken) > 0 && !cancellationToken.IsCancellationRequested)
        {
        }

        while (await mediator.Send(new PurgeSpentTelegramProofsCommand(), cancellationToken) > 0 && !cancellationToken.IsCancellationRequested)
        {
        }

        await mediator.Send(new PurgeSignInThrottleCommand(), cancellationToken);
    }
}
