namespace CleanGames.Infrastructure.Mafia.Economy;

/// <summary><c>Economy:Chain</c>: which chain adapter runs and how the simulated one derives addresses.</summary>
public sealed class ChainOptions
{
    public const string Section = "Economy:Chain";

    /// <summary><c>Simulated</c> (the only adapter built): moves no real funds.</summary>
    public string Mode { get; set; } = "Simulated";

    /// <summary>What the simulated adapter derives every account's addresses from.</summary>
    public string Seed { get; set; } = "cleangames-simulated-chain";

    /// <summary>The share of simulated payouts that fail (0 to 1), for tests of refunds.</summary>
    public double FailureRate { get; set; }
}
