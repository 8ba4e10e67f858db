namespace CleanGames.Domain.Kitchen.Sessions;

/// <summary>
/// Every stored value of a <see cref="KitchenSession"/> at one moment: what a write-behind store
/// persists after releasing the session, and what a failed write-through restores.
/// </summary>
public sealed record KitchenSessionSnapshot(
    long AccountId,
    long Money,
    long MoneyRemainderMilli,
    long Dishes,
    long XpMilli,
    int Rank,
    long PrestigePoints,
    long RunEarnings,
    long LifetimeEarnings,
    int TutorialStep,
    IReadOnlyDictionary<string, int> UpgradeLevels,
    DateTimeOffset LastAccountedAt,
    DateTimeOffset CreatedAt,
    long Revision);
