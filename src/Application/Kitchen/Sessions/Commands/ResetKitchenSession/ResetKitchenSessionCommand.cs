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
            var outcome = turn.Session.ResetForPrestige(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            return new ResetKitchenSessionResult(turn.View(), outcome.PointsGained, outcome.RunEarnings);
        }, cancellationToken);
}
