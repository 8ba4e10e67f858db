using CleanGames.Application.Mafia.Economy.Commands.CreateWallet;
using CleanGames.Application.Mafia.Economy.Commands.GrantTokens;
using CleanGames.Application.Mafia.Economy.Commands.PurchaseItem;
using CleanGames.Application.Mafia.Economy.Commands.RequestWithdrawal;
using CleanGames.Application.Mafia.Economy.Commands.SendGift;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Economy.Queries.GetBalance;
using CleanGames.Application.Mafia.Economy.Queries.GetCatalog;
using CleanGames.Application.Mafia.Economy.Queries.GetLeaderboard;
using CleanGames.Application.Mafia.Economy.Queries.ListTransactions;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Idempotency;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Mafia;

/// <summary>Seed 000 <c>WithdrawRequest</c>.</summary>
public sealed record WithdrawRequest(long Amount = 0);

/// <summary>Seed 000 <c>SendGiftRequest</c>.</summary>
public sealed record GiftRequest(string? ToUser = null, long Amount = 0, string? Message = null);

/// <summary>Seed 000 <c>PurchaseRequest</c>: <c>price</c> must be the catalogue's current price.</summary>
public sealed record PurchaseRequest(string? ItemType = null, string? ItemId = null, long Price = 0);

/// <summary><c>POST /api/economy/admin/grant</c> body.</summary>
public sealed record GrantRequest(string? UserId = null, long Amount = 0, string? Reason = null);

/// <summary>Seed 000 section 3, <c>/api/economy</c>, in the FastAPI dialect. Off-chain balances are whole tokens; every route that moves tokens accepts <c>Idempotency-Key</c>.</summary>
[ApiController]
[Authorize]
[Route("api/economy")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: economy")]
public sealed class EconomyController(IMediator mediator) : ControllerBase
{
    /// <summary>The caller's wallet: opened on the first call, the same wallet afterwards.</summary>
    [HttpPost("wallet/create")]
    public Task<CreatedWallet> CreateWallet(CancellationToken cancellationToken) => mediator.Send(new CreateWalletCommand(), cancellationToken);

    [HttpGet("balance")]
    public Task<BalanceView> Balance(CancellationToken cancellationToken) => mediator.Send(new GetBalanceQuery(), cancellationToken);

    /// <summary>Asks to take tokens on-chain: answers at once with the pending <c>withdrawal</c>; the payout job pays it.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest)]
    [Idempotent]
    [HttpPost("withdraw")]
    public Task<TransactionView> Withdraw(WithdrawRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new RequestWithdrawalCommand(request.Amount), cancellationToken);

    /// <summary>Gives 1–10000 tokens to another player; answers the caller's debit.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [Idempotent]
    [HttpPost("gift")]
    public Task<TransactionView> Gift(GiftRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new SendGiftCommand(request.ToUser, request.Amount, request.Message), cancellationToken);

    /// <summary>Buys a catalogue item at its current price (409 names the price when <c>price</c> is not it).</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [Idempotent]
    [HttpPost("purchase")]
    public Task<TransactionView> Purchase(PurchaseRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new PurchaseItemCommand(request.ItemType, request.ItemId, request.Price), cancellationToken);

    /// <summary>The caller's transactions, newest first (<c>limit</c> 1–200, default 50).</summary>
    [HttpGet("transactions")]
    public Task<IReadOnlyList<TransactionView>> Transactions([FromQuery] int? limit, CancellationToken cancellationToken) =>
        mediator.Send(new ListTransactionsQuery(limit), cancellationToken);

    /// <summary>The top 100: by balance (<c>all</c>) or by tokens earned in the UTC day, week or month.</summary>
    [HttpGet("leaderboard")]
    public Task<IReadOnlyList<LeaderboardEntryView>> Leaderboard([FromQuery] string? period, CancellationToken cancellationToken) =>
        mediator.Send(new GetLeaderboardQuery(period), cancellationToken);

    /// <summary>What <c>purchase</c> sells, at the current prices (not in the seed).</summary>
    [HttpGet("catalog")]
    public Task<IReadOnlyList<CatalogItemView>> Catalog(CancellationToken cancellationToken) => mediator.Send(new GetCatalogQuery(), cancellationToken);

    /// <summary>Admin: mints tokens from the treasury into a player's wallet (<c>type: "mint"</c>).</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [Idempotent]
    [HttpPost("admin/grant")]
    public Task<TransactionView> Grant(GrantRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new GrantTokensCommand(request.UserId, request.Amount, request.Reason), cancellationToken);
}
