using CleanGames.Domain.Kitchen.Sessions;

namespace CleanGames.UnitTests.Kitchen;

/// <summary>
/// Builds a real <see cref="KitchenSession"/> in any state through its snapshot (the way a store
/// loads one), so a test starts where its rule applies without playing the whole game first.
/// </summary>
internal sealed class KitchenSessionBuilder
{
    public const long AccountId = 7;
    public static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private readonly Dictionary<string, int> _upgradeLevels = new(StringComparer.Ordinal);
    private long _money;
    private long _moneyRemainderMilli;
    private long _dishes;
    private long _xpMilli;
    private int _rank = 1;
    private long _prestigePoints;
    private long _runEarnings;
    private long _lifetimeEarnings;
    private int _tutorialStep;
    private DateTimeOffset _lastAccountedAt = Now;

    public static KitchenSessionBuilder New() => new();

    public KitchenSessionBuilder WithMoney(long money)
    {
        _money = money;
        return this;
    }

    public KitchenSessionBuilder WithMoneyRemainderMilli(long remainder)
    {
        _moneyRemainderMilli = remainder;
        return this;
    }

    public KitchenSessionBuilder WithDishes(long dishes)
    {
        _dishes = dishes;
        return this;
    }

    public KitchenSessionBuilder WithXpMilli(long xpMilli)
    {
        _xpMilli = xpMilli;
        return this;
    }

    public KitchenSessionBuilder AtRank(int rank)
    {
        _rank = rank;
        return this;
    }

    public KitchenSessionBuilder WithPrestigePoints(long points)
    {
        _prestigePoints = points;
        return this;
    }

    public KitchenSessionBuilder WithEarnings(long run, long lifetime)
    {
        (_runEarnings, _lifetimeEarnings) = (run, lifetime);
        return this;
    }

    public KitchenSessionBuilder AtTutorialStep(int step)
    {
        _tutorialStep = step;
        return this;
    }

    public KitchenSessionBuilder WithUpgrade(string id, int level)
    {
        _upgradeLevels[id] = level;
        return this;
    }

    public KitchenSessionBuilder AccountedAt(DateTimeOffset at)
    {
        _lastAccountedAt = at;
        return this;
    }

    public KitchenSessionSnapshot Snapshot() => new(
        AccountId,
        _money,
        _moneyRemainderMilli,
        _dishes,
        _xpMilli,
        _rank,
        _prestigePoints,
        _runEarnings,
        _lifetimeEarnings,
        _tutorialStep,
        new Dictionary<string, int>(_upgradeLevels, StringComparer.Ordinal),
        _lastAccountedAt,
        Now.AddDays(-1),
        Revision: 1);

    public KitchenSession Build() => KitchenSession.FromSnapshot(Snapshot());
}
