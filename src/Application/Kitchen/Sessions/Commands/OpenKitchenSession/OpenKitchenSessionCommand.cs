using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Kitchen.Sessions;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands.OpenKitchenSession;

// The seed's request types, one use case each. Every one plays through KitchenSessionRunner,
// which serialises the account's requests on its live session (so no concurrency retry is needed).

/// <summary><c>session</c>: opens the caller's game if absent (this use case decides that; the store only holds it), accounts automation, and returns the state.</summary>
[AuthorizeRequest]
public sealed record OpenKitchenSessionCommand : IRequest<OpenKitchenSessionResult>, INoConcurrencyRetry;

/// <summary><c>away</c> is the receipt of what automation did since the last accounting (null for a new session or when no whole second passed).</summary>
public sealed record OpenKitchenSessionResult(KitchenSessionView Session, KitchenAwayReceipt? Away) : IKitchenReply;

public sealed record KitchenAwayReceipt(long Seconds, long CreditedSeconds, long DishesCooked, long DishesSold, long MoneyEarned);

public sealed class OpenKitchenSessionCommandHandler(KitchenSessionRunner runner) : IRequestHandler<OpenKitchenSessionCommand, OpenKitchenSessionResult>
{
    public Task<OpenKitchenSessionResult> Handle(OpenKitchenSessionCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("session", KitchenWrite.Behind, turn =>
        {
            var receipt = turn.Session.SettleAutomation(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            var away = turn.Live.Opened || receipt.Seconds == 0
                ? null
                : new KitchenAwayReceipt(receipt.Seconds, receipt.CreditedSeconds, receipt.DishesCooked, receipt.DishesSold, receipt.MoneyEarned);
            return new OpenKitchenSessionResult(turn.View(), away);
        }, cancellationToken, open: KitchenSession.Open);
}
