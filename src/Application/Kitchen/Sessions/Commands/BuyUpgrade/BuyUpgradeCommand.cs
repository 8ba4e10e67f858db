using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.BuyUpgrade;

/// <summary><c>upgrade_buy</c>: the next level of upgrade <see cref="Id"/>; written through before the reply.</summary>
[AuthorizeRequest]
public sealed record BuyUpgradeCommand(string? Id) : IRequest<BuyUpgradeResult>, INoConcurrencyRetry;

public sealed record BuyUpgradeResult(KitchenSessionView Session, KitchenUpgradeView Upgrade, long MoneySpent) : IKitchenReply;

public sealed class BuyUpgradeCommandHandler(KitchenSessionRunner runner) : IRequestHandler<BuyUpgradeCommand, BuyUpgradeResult>
{
    public Task<BuyUpgradeResult> Handle(BuyUpgradeCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("upgrade_buy", KitchenWrite.Through, turn =>
        {
            // An id that names no upgrade (missing and malformed included) is the "unknown upgrade" refusal.
            var purchase = turn.Session.BuyUpgrade(turn.Catalog, request.Id ?? string.Empty, turn.Now, turn.Options.OfflineCap);
            return new BuyUpgradeResult(turn.View(), KitchenViews.Upgrade(purchase.Upgrade, purchase.Level), purchase.Price);
        }, cancellationToken);
}
