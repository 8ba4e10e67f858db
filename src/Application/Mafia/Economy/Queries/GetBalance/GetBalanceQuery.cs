using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Economy.Common;
using MediatR;

namespace CleanGames.Application.Mafia.Economy.Queries.GetBalance;

/// <summary>Seed 000 <c>GET /api/economy/balance</c>: a player without a wallet yet has 0 everywhere.</summary>
[AuthorizeRequest]
public sealed record GetBalanceQuery : IRequest<BalanceView>;

/// <summary>Seed 000 <c>BalanceResponse</c>: <c>total</c> is off-chain plus on-chain tokens.</summary>
public sealed record BalanceView(long Offchain, decimal Onchain, decimal Total, decimal TonBalance);

public sealed class GetBalanceQueryHandler(IReadRepository<Domain.Mafia.Economy.Wallet> wallets, IChainGateway chain, ICurrentUser user) : IRequestHandler<GetBalanceQuery, BalanceView>
{
    public async Task<BalanceView> Handle(GetBalanceQuery request, CancellationToken cancellationToken)
    {
        var caller = user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);
        var wallet = await wallets.FirstOrDefaultAsync(new WalletOfSpec(caller), cancellationToken);
        var offChain = wallet?.Balance ?? 0;
        var onChain = await chain.BalancesAsync(wallet is null ? chain.AddressesOf(caller) : new ChainAddresses(wallet.TonAddress, wallet.JettonWallet), cancellationToken);
        return new BalanceView(offChain, onChain.Jettons, offChain + onChain.Jettons, onChain.Ton);
    }
}
