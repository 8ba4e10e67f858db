using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;
using Microsoft.Extensions.Logging;

namespace CleanGames.Application.Mafia.Economy.Commands.GrantTokens;

/// <summary>
/// Admin: <c>POST /api/economy/admin/grant {user_id, amount, reason}</c> mints tokens from the treasury
/// into a player's wallet (<c>type: "mint"</c>) for compensation and promotions. The transaction records
/// the admin, and the grant is logged.
/// </summary>
[AuthorizeRequest(Roles = Roles.Admin)]
public sealed record GrantTokensCommand(string? UserId, long Amount, string? Reason) : IRequest<TransactionView>, IAggregateLockedRequest
{
    public const long MaxAmount = 1_000_000_000;

    public string AggregateLockKey => Wallets.LockKey(MafiaIds.Account(UserId) ?? 0);
}

public sealed class GrantTokensCommandHandler(
    IRepository<Wallet> wallets,
    IRepository<LedgerTransaction> transactions,
    IAccountDirectory accounts,
    ICurrentUser user,
    IChainGateway chain,
    IUnitOfWork unitOfWork,
    IClock clock,
    ILogger<GrantTokensCommandHandler> logger) : IRequestHandler<GrantTokensCommand, TransactionView>
{
    public async Task<TransactionView> Handle(GrantTokensCommand request, CancellationToken cancellationToken)
    {
        var admin = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var playerId = await Wallets.ExistingPlayerAsync(accounts, request.UserId, cancellationToken);
        var now = clock.UtcNow;
        var wallet = await Wallets.OpenAsync(wallets, chain, playerId, now, cancellationToken);
        var grant = LedgerTransaction.Grant(wallet, request.Amount, request.Reason!, admin, now);
        await transactions.AddAsync(grant, cancellationToken);
        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Admin {AdminId} granted {Amount} tokens to {PlayerId} (transaction {TransactionId})", admin, request.Amount, playerId, grant.Id);
        return TransactionViews.For(grant, wallet);
    }
}
