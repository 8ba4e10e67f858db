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

    /// <summary>
    /// Pays a withdrawal. Idempotent by <see cref="PayoutOrder.Reference"/> (the withdrawal's id): sending
    /// the same order again never pays twice and answers the first outcome. Throws when the outcome is not
    /// known (the chain did not answer); the payout job then asks again later.
    /// </summary>
    Task<PayoutOutcome> PayOutAsync(PayoutOrder order, CancellationToken cancellationToken);

    /// <summary>What became of the payout with this reference, or null when the chain never saw it.</summary>
    Task<PayoutOutcome?> FindPayoutAsync(string reference, CancellationToken cancellationToken);
}

public sealed record PayoutOrder(string Reference, string ToAddress, long Amount);

/// <summary>A definite outcome: paid with <see cref="TxHash"/>, or refused for good.</summary>
public sealed record PayoutOutcome(bool Paid, string? TxHash);

public sealed record ChainBalances(decimal Jettons, decimal Ton);
