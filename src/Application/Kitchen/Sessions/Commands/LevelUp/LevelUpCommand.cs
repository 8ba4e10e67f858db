using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.LevelUp;

/// <summary><c>level_up</c>: the next rank, when the xp suffices; written through.</summary>
[AuthorizeRequest]
public sealed record LevelUpCommand : IRequest<LevelUpResult>, INoConcurrencyRetry;

/// <summary><c>unlocked_upgrades</c>: ids of upgrades the new rank opens; <c>unlocked_location</c>: the location it opens, if any.</summary>
public sealed record LevelUpResult(KitchenSessionView Session, int PreviousRank, int Rank, IReadOnlyList<string> UnlockedUpgrades, KitchenLocationView? UnlockedLocation) : IKitchenReply;

public sealed class LevelUpCommandHandler(KitchenSessionRunner runner) : IRequestHandler<LevelUpCommand, LevelUpResult>
{
    public Task<LevelUpResult> Handle(LevelUpCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("level_up", KitchenWrite.Through, turn =>
        {
            var outcome = turn.Session.LevelUp(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            return new LevelUpResult(
                turn.View(),
                outcome.PreviousRank,
                outcome.Rank,
                outcome.UnlockedUpgrades.Select(u => u.Id).ToArray(),
                outcome.UnlockedLocation is { } location ? KitchenViews.Location(location) : null);
        }, cancellationToken);
}
