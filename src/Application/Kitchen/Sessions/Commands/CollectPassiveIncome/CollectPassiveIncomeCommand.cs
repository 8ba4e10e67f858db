using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.CollectPassiveIncome;

/// <summary><c>passive</c>: collects what automation made since the last accounting.</summary>
[AuthorizeRequest]
public sealed record CollectPassiveIncomeCommand : IRequest<CollectPassiveIncomeResult>, INoConcurrencyRetry;

public sealed record CollectPassiveIncomeResult(KitchenSessionView Session, long Seconds, long CreditedSeconds, long DishesCooked, long DishesSold, long MoneyEarned) : IKitchenReply;

public sealed class CollectPassiveIncomeCommandHandler(KitchenSessionRunner runner) : IRequestHandler<CollectPassiveIncomeCommand, CollectPassiveIncomeResult>
{
    public Task<CollectPassiveIncomeResult> Handle(CollectPassiveIncomeCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("passive", KitchenWrite.Behind, turn =>
        {
            var receipt = turn.Session.SettleAutomation(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            return new CollectPassiveIncomeResult(turn.View(), receipt.Seconds, receipt.CreditedSeconds, receipt.DishesCooked, receipt.DishesSold, receipt.MoneyEarned);
        }, cancellationToken);
}
