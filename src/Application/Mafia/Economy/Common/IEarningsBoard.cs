namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary>The wallets that earned most since a moment, summed in the database.</summary>
public interface IEarningsBoard
{
    /// <summary>
    /// The <paramref name="take"/> wallets that earned most (grants, rewards, gifts received) since
    /// <paramref name="since"/>, most first (ties: the wallet id), with what each earned.
    /// </summary>
    Task<IReadOnlyList<(Guid WalletId, long Earned)>> TopEarnersAsync(DateTimeOffset since, int take, CancellationToken cancellationToken);
}
