using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.Sell;

/// <summary><c>sell</c>: every dish for money.</summary>
[AuthorizeRequest]
public sealed record SellCommand : IRequest<SellResult>, INoConcurrencyRetry;

public sealed record SellResult(KitchenSessionView Session, long DishesSold, long MoneyEarned) : IKitchenReply;

public sealed class SellCommandHandler(KitchenSessionRunner runner) : IRequestHandler<SellCommand, SellResult>
{
    public Task<SellResult> Handle(SellCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("sell", KitchenWrite.Behind, turn =>
        {
            var sale = turn.Session.Sell(turn.Catalog);
            return new SellResult(turn.View(), sale.DishesSold, sale.MoneyEarned);
        }, cancellationToken);
}
