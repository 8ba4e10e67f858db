namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary>A player's addresses on the chain, in TON's user-friendly form.</summary>
public sealed record ChainAddresses(string TonAddress, string JettonWallet);

/// <summary>
/// The token chain (TON jettons). <c>Economy:Chain:Mode</c> picks the adapter; the one built is
/// <c>Simulated</c>, which moves no real funds: its addresses are valid in form and derived
/// deterministically per account, and its on-chain balances are zero.
/// </summary>
public interface IChainGateway
{
    /// <summary>The addresses of <paramref name="accountId"/>: the same for the same account every time.</summary>
    ChainAddresses AddressesOf(long accountId);

    /// <summary>The account's on-chain jetton balance and TON balance.</summary>
    Task<ChainBalances> BalancesAsync(ChainAddresses addresses, CancellationToken cancellationToken);
}

public sealed record ChainBalances(decimal Jettons, decimal Ton);
