using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Kitchen.Common;
using MediatR;

namespace CleanGames.Application.Kitchen.Sessions.Commands;

// The seed's request types, one use case each. Every one plays through KitchenSessionRunner,
// which serialises the account's requests on its live session (so no concurrency retry is needed).

/// <summary><c>session</c>: opens the caller's game if absent, accounts automation, and returns the state.</summary>
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
        }, cancellationToken, open: true);
}

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

/// <summary><c>upgrade_buy</c>: the next level of upgrade <see cref="Id"/>; written through before the reply.</summary>
[AuthorizeRequest]
public sealed record BuyUpgradeCommand(string? Id) : IRequest<BuyUpgradeResult>, INoConcurrencyRetry;

public sealed record BuyUpgradeResult(KitchenSessionView Session, KitchenUpgradeView Upgrade, long MoneySpent) : IKitchenReply;

public sealed class BuyUpgradeCommandHandler(KitchenSessionRunner runner) : IRequestHandler<BuyUpgradeCommand, BuyUpgradeResult>
{
    public Task<BuyUpgradeResult> Handle(BuyUpgradeCommand request, CancellationToken cancellationToken) =>
        runner.PlayAsync("upgrade_buy", KitchenWrite.Through, turn =>
        {
            // Automation earned at the old rates up to now; the new level counts from now on.
            turn.Session.SettleAutomation(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            // An id that names no upgrade (missing and malformed included) is the "unknown upgrade" refusal.
            var purchase = turn.Session.BuyUpgrade(turn.Catalog, request.Id ?? string.Empty);
            return new BuyUpgradeResult(turn.View(), KitchenViews.Upgrade(purchase.Upgrade, purchase.Level), purchase.Price);
        }, cancellationToken);
}

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
            // A new location raises the dish price: automation up to now sells at the old one.
            turn.Session.SettleAutomation(turn.Catalog, turn.Now, turn.Options.OfflineCap);
            var outcome = turn.Session.LevelUp(turn.Catalog);
            return new LevelUpResult(
                turn.View(),
                outcome.PreviousRank,
                outcome.Rank,
                outcome.UnlockedUpgrades.Select(u => u.Id).ToArray(),
                outcome.UnlockedLocation is { } location ? KitchenViews.Location(location) : null);
        }, cancellationToken);
}

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
