namespace CleanGames.Domain.Mafia.Economy;

/// <summary>
/// The ledger's non-player accounts. Tokens enter play from <see cref="Treasury"/> (grants) and
/// <see cref="RewardsPool"/> (game rewards), leave it into <see cref="ShopRevenue"/> (purchases), and
/// wait in <see cref="PendingWithdrawals"/> while a withdrawal is paid out. Their balances are the
/// sums of their entries (negative for the two sources: what they have put into play); they are not
/// materialised, so no request ever waits on a shared row.
/// </summary>
public static class SystemAccounts
{
    public static readonly Guid Treasury = new("00000000-0000-0000-0000-00000000e001");
    public static readonly Guid RewardsPool = new("00000000-0000-0000-0000-00000000e002");
    public static readonly Guid ShopRevenue = new("00000000-0000-0000-0000-00000000e003");
    public static readonly Guid PendingWithdrawals = new("00000000-0000-0000-0000-00000000e004");

    public static readonly IReadOnlyList<Guid> All = [Treasury, RewardsPool, ShopRevenue, PendingWithdrawals];
}
