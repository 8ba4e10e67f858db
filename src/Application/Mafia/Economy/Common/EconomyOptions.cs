namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary><c>Economy</c>: withdrawals, the payout job and the rewards guard.</summary>
public sealed class EconomyOptions
{
    public const string Section = "Economy";

    /// <summary>The smallest withdrawal, in tokens.</summary>
    public long MinWithdrawal { get; set; } = 100;

    /// <summary>How often the payout job pays pending withdrawals (0 turns it off).</summary>
    public int PayoutIntervalSeconds { get; set; } = 10;

    /// <summary>How often the rewards sweep credits ended games' rewards not credited yet (0 turns it off).</summary>
    public int RewardSweepSeconds { get; set; } = 5;

    /// <summary>Rewarded games an account is credited for per UTC day; games a guard zeroed do not count.</summary>
    public int MaxRewardedGamesPerDay { get; set; } = 20;

    /// <summary>Withdrawals one run of the payout job takes at most; the next run takes the rest.</summary>
    public int PayoutBatchSize { get; set; } = 50;
}
