using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Contracts;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Economy;

namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary>A player's wallet opens the first time anything needs it (creating it, being paid, asking for the balance).</summary>
public static class Wallets
{
    /// <summary>The lock scope of a player's wallet: requests that spend from it run one at a time on this instance.</summary>
    public const string LockScope = "economy.wallet";

    /// <summary>The lock key of <paramref name="ownerId"/>'s wallet (the key <see cref="LockScope"/> gives for that caller).</summary>
    public static string LockKey(long ownerId) => LockScope + ":" + ownerId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The account a wire user id names; one that names no account is "User not found".</summary>
    public static async Task<long> ExistingPlayerAsync(IAccountDirectory accounts, string? userId, CancellationToken cancellationToken) =>
        MafiaIds.Account(userId) is { } id && await accounts.FindContactAsync(id, cancellationToken) is not null
            ? id
            : throw new DomainException(EconomyErrors.NoSuchPlayer);

    /// <summary>The player's wallet, opened (added to the unit of work, unsaved) if it has none yet.</summary>
    public static async Task<Wallet> OpenAsync(IRepository<Wallet> wallets, IChainGateway chain, long ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await wallets.FirstOrDefaultAsync(new WalletOfSpec(ownerId), cancellationToken) is { } wallet)
        {
            return wallet;
        }

        var addresses = chain.AddressesOf(ownerId);
        return await wallets.AddAsync(Wallet.Open(ownerId, addresses.TonAddress, addresses.JettonWallet, now), cancellationToken);
    }
}
