using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Commands.CreateWallet;

/// <summary>Seed 000 <c>POST /api/economy/wallet/create</c>: the caller's wallet, opened on the first call; later calls answer the same wallet.</summary>
[AuthorizeRequest]
public sealed record CreateWalletCommand : IRequest<CreatedWallet>, ICallerLockedRequest
{
    public string CallerLockScope => Wallets.LockScope;
}

/// <summary>Seed 000 <c>CreateWalletResponse</c>.</summary>
public sealed record CreatedWallet(string TonAddress, string JettonWallet, long BalanceOffchain, decimal BalanceOnchain);

public sealed class CreateWalletCommandHandler(IRepository<Wallet> wallets, IChainGateway chain, ICurrentUser user, IUnitOfWork unitOfWork, IClock clock)
    : IRequestHandler<CreateWalletCommand, CreatedWallet>
{
    public async Task<CreatedWallet> Handle(CreateWalletCommand request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        Wallet wallet;
        try
        {
            wallet = await Wallets.OpenAsync(wallets, chain, caller, clock.UtcNow, cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Another request opened it first (on another instance): answer that one.
            unitOfWork.DiscardChanges();
            wallet = await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken) ?? throw new DomainException(EconomyErrors.NoSuchPlayer);
        }

        var onChain = await chain.BalancesAsync(new ChainAddresses(wallet.TonAddress, wallet.JettonWallet), cancellationToken);
        return new CreatedWallet(wallet.TonAddress, wallet.JettonWallet, wallet.Balance, onChain.Jettons);
    }
}
