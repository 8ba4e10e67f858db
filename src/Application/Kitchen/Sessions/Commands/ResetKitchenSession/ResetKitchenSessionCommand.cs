using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.ResetKitchenSession;

/// <summary><c>session_reset</c>: prestige; written through.</summary>
[AuthorizeRequest]
public sealed record ResetKitchenSessionCommand : IRequest<ResetKitchenSessionResult>, INoConcurrencyRetry;

public sealed record ResetKitchenSessionResult(KitchenSessionView Session, long PrestigeGained, long RunEarnings) : IKitchenReply;

public sealed class ResetKitchenSessionCommandHandler(KitchenSessionRunner runner) : IRequestHandler<ResetKitchenSessionCommand, ResetKitchenSessionResult>
{
    public Task<ResetKitchenSessionResult> Handle(ResetKitchenSessionCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("session_reset", KitchenWrite.Through, turn =>
        {
            // The run's automation income counts towards the prestige it converts.
            turn.Session.SettleAutomation(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            var outcome = turn.Session.ResetForPrestige(turn.Catalog, turn.Now);
            return new ResetKitchenSessionResult(turn.View(), outcome.PointsGained, outcome.RunEarnings);
        }, cancellationToken);
}
