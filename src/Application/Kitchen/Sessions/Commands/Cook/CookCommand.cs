using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.Cook;

/// <summary><c>cook</c>: one click's worth of dishes and xp.</summary>
[AuthorizeRequest]
public sealed record CookCommand : IRequest<CookResult>, INoConcurrencyRetry;

public sealed record CookResult(KitchenSessionView Session, long DishesCooked, double XpGained) : IKitchenReply;

public sealed class CookCommandHandler(KitchenSessionRunner runner) : IRequestHandler<CookCommand, CookResult>
{
    public Task<CookResult> Handle(CookCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("cook", KitchenWrite.Behind, turn =>
        {
            var cooked = turn.Session.Cook(turn.Catalog, turn.Now, turn.Options.MaxCooksPerSecond);
            return new CookResult(turn.View(), cooked.DishesCooked, KitchenViews.Xp(cooked.XpGainedMilli));
        }, cancellationToken);
}
