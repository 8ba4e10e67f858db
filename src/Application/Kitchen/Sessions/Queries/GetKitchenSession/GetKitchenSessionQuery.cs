using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenSession;

/// <summary>The caller's session as the live store holds it (no accounting: reading changes nothing).</summary>
[AuthorizeRequest]
public sealed record GetKitchenSessionQuery : IRequest<KitchenSessionResult>, INoConcurrencyRetry;

public sealed record KitchenSessionResult(KitchenSessionView Session) : IKitchenReply;

public sealed class GetKitchenSessionQueryHandler(KitchenSessionRunner runner) : IRequestHandler<GetKitchenSessionQuery, KitchenSessionResult>
{
    public Task<KitchenSessionResult> Handle(GetKitchenSessionQuery request, CancellationToken cancellationToken) =>
        runner.PlayAsync("session", KitchenWrite.None, turn => new KitchenSessionResult(turn.View()), cancellationToken);
}
