using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Queries.CheckLevel;

/// <summary><c>level_check</c>: the xp the next rank needs.</summary>
[AuthorizeRequest]
public sealed record CheckLevelQuery : IRequest<CheckLevelResult>, INoConcurrencyRetry;

/// <summary><c>xp_required</c> is what the next rank needs in all, <c>xp_remaining</c> what is still missing (both null at the top rank).</summary>
public sealed record CheckLevelResult(KitchenSessionView Session, int Rank, double Xp, double? XpRequired, double? XpRemaining, bool CanLevelUp) : IKitchenReply;

public sealed class CheckLevelQueryHandler(KitchenSessionRunner runner) : IRequestHandler<CheckLevelQuery, CheckLevelResult>
{
    public Task<CheckLevelResult> Handle(CheckLevelQuery request, CancellationToken cancellationToken) =>
        runner.PlayAsync("level_check", KitchenWrite.None, turn =>
        {
            var progress = turn.Session.CheckLevel(turn.Catalog);
            return new CheckLevelResult(
                turn.View(),
                progress.Rank,
                KitchenViews.Xp(progress.XpMilli),
                progress.XpToNextMilli is { } required ? KitchenViews.Xp(required) : null,
                progress.IsTopRank ? null : KitchenViews.Xp(progress.RemainingMilli),
                progress.CanLevelUp);
        }, cancellationToken);
}
