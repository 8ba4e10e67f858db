using CleanGames.Domain.Common;
using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.Domain.Kitchen.Sessions;

/// <summary>
/// One account's Click &amp; Cook game. Server-authoritative: a request names an action, never an
/// amount; every amount comes from the catalogue and the server clock. Money is whole coins, with
/// the sub-coin remainder of sales kept so that no fraction is lost; xp is kept in thousandths.
/// </summary>
public sealed class KitchenSession : AggregateRoot<long>
{
    private static readonly TimeSpan RateWindow = TimeSpan.FromSeconds(1);
    private Dictionary<string, int> _upgradeLevels = new(StringComparer.Ordinal);

    // Not stored: the cook rate limit is a guard of the live session, a sliding one-second log.
    private long[]? _recentCooks;
    private int _recentCooksHead;
    private int _recentCooksCount;

    private KitchenSession()
    {
    }

    private KitchenSession(long accountId, DateTimeOffset now)
        : base(accountId)
    {
        Rank = 1;
        LastAccountedAt = now;
        CreatedAt = now;
    }

    public long Money { get; private set; }

    /// <summary>Thousandths of a coin earned by sales but not yet a whole coin.</summary>
    public long MoneyRemainderMilli { get; private set; }

    public long Dishes { get; private set; }

    /// <summary>Xp collected at the current rank, in thousandths.</summary>
    public long XpMilli { get; private set; }

    public int Rank { get; private set; }

    public long PrestigePoints { get; private set; }

    /// <summary>Money earned since the last prestige reset: a reset needs the threshold earned in the run.</summary>
    public long RunEarnings { get; private set; }

    public long LifetimeEarnings { get; private set; }

    public int TutorialStep { get; private set; }

    public IReadOnlyDictionary<string, int> UpgradeLevels => _upgradeLevels.AsReadOnly();

    /// <summary>Automation has been accounted up to this moment.</summary>
    public DateTimeOffset LastAccountedAt { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>
    /// Counts changes, stored with the session: a write-behind store compares it to what it last
    /// wrote, and clients use it to drop a pushed state older than one they already have.
    /// </summary>
    public long Revision { get; private set; }

    public static KitchenSession Open(long accountId, DateTimeOffset now)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(accountId);
        var session = new KitchenSession(accountId, now);
        session.Touch();
        return session;
    }

    public static KitchenSession FromSnapshot(KitchenSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var session = new KitchenSession(snapshot.AccountId, snapshot.CreatedAt);
        session.Restore(snapshot);
        return session;
    }

    public KitchenSessionSnapshot Snapshot() => new(
        Id, Money, MoneyRemainderMilli, Dishes, XpMilli, Rank, PrestigePoints, RunEarnings, LifetimeEarnings, TutorialStep,
        new Dictionary<string, int>(_upgradeLevels, StringComparer.Ordinal), LastAccountedAt, CreatedAt, Revision);

    /// <summary>Puts every stored value back as <paramref name="snapshot"/> has it, its revision included.</summary>
    public void Restore(KitchenSessionSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.AccountId != Id)
        {
            throw new ArgumentException("The snapshot belongs to another session.", nameof(snapshot));
        }

        (Money, MoneyRemainderMilli, Dishes, XpMilli, Rank) = (snapshot.Money, snapshot.MoneyRemainderMilli, snapshot.Dishes, snapshot.XpMilli, snapshot.Rank);
        (PrestigePoints, RunEarnings, LifetimeEarnings, TutorialStep) = (snapshot.PrestigePoints, snapshot.RunEarnings, snapshot.LifetimeEarnings, snapshot.TutorialStep);
        (LastAccountedAt, CreatedAt) = (snapshot.LastAccountedAt, snapshot.CreatedAt);
        _upgradeLevels.Clear();
        foreach (var (id, level) in snapshot.UpgradeLevels)
        {
            _upgradeLevels[id] = level;
        }

        Revision = snapshot.Revision;
        MarkChanged();
    }

    public int LevelOf(string upgradeId) => _upgradeLevels.GetValueOrDefault(upgradeId);

    /// <summary>Dishes one <c>cook</c> makes: the base power plus every click-power level.</summary>
    public long CookPower(KitchenCatalog catalog) => catalog.Rules.BaseCookPower + (long)decimal.Floor(Sum(catalog, UpgradeEffect.ClickPower));

    public decimal XpMultiplier(KitchenCatalog catalog) => 1m + Sum(catalog, UpgradeEffect.Xp);

    public decimal PriceMultiplier(KitchenCatalog catalog) => 1m + Sum(catalog, UpgradeEffect.Price);

    public decimal AutoCookPerSecond(KitchenCatalog catalog) => Sum(catalog, UpgradeEffect.AutoCook);

    public decimal AutoSellPerSecond(KitchenCatalog catalog) => Sum(catalog, UpgradeEffect.AutoSell);

    /// <summary>The permanent price boost the prestige points give, as a fraction (0.2 = +20%).</summary>
    public decimal PrestigeBoost(KitchenCatalog catalog) => PrestigePoints * catalog.Rules.PrestigeBoostPerPoint;

    /// <summary>The price of one dish in thousandths of a coin: base × upgrades × location × (1 + prestige boost).</summary>
    public long DishPriceMilli(KitchenCatalog catalog)
    {
        var price = catalog.Rules.BaseDishPriceMilli * PriceMultiplier(catalog) * catalog.LocationFor(Rank).PriceMultiplier * (1m + PrestigeBoost(catalog));
        return price >= long.MaxValue ? long.MaxValue : (long)decimal.Floor(price);
    }

    /// <summary>
    /// Prestige points a reset now would add: lifetime earnings are worth
    /// <c>floor(sqrt(lifetime earnings / divisor))</c> points in all, less the points already owned,
    /// so resetting often earns nothing extra over resetting once.
    /// </summary>
    public long PendingPrestigePoints(KitchenCatalog catalog) =>
        Math.Max(0, (long)Math.Floor(Math.Sqrt((double)LifetimeEarnings / catalog.Rules.PrestigePointDivisor)) - PrestigePoints);

    public bool CanResetForPrestige(KitchenCatalog catalog) => RunEarnings >= catalog.Rules.PrestigeThreshold;

    public LocationDefinition Location(KitchenCatalog catalog) => catalog.LocationFor(Rank);

    public bool TutorialCompleted(KitchenCatalog catalog) => TutorialStep >= catalog.Rules.TutorialSteps.Count;

    public string? CurrentTutorialStep(KitchenCatalog catalog) =>
        TutorialStep < catalog.Rules.TutorialSteps.Count ? catalog.Rules.TutorialSteps[TutorialStep] : null;

    /// <summary>
    /// One click: the cooking power in dishes and the xp of one cook. At most
    /// <paramref name="maxCooksPerSecond"/> cooks in any one second; a cook over the limit is
    /// refused and not counted.
    /// </summary>
    public CookOutcome Cook(KitchenCatalog catalog, DateTimeOffset now, int maxCooksPerSecond)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        AdmitCook(now, maxCooksPerSecond);
        var dishes = CookPower(catalog);
        var xp = (long)decimal.Floor(catalog.Rules.XpPerCookMilli * XpMultiplier(catalog));
        Dishes = SaturatingAdd(Dishes, dishes);
        XpMilli = SaturatingAdd(XpMilli, xp);
        AdvanceTutorial(catalog, "cook");
        Touch();
        return new CookOutcome(dishes, xp);
    }

    /// <summary>Sells every dish at the current dish price. Selling nothing changes nothing.</summary>
    public SaleOutcome Sell(KitchenCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (Dishes == 0)
        {
            return default;
        }

        var sold = Dishes;
        Dishes = 0;
        var earned = Earn(catalog, sold);
        AdvanceTutorial(catalog, "sell");
        Touch();
        return new SaleOutcome(sold, earned);
    }

    /// <summary>
    /// Accounts automation for the whole seconds since the last accounting, crediting at most
    /// <paramref name="offlineCap"/>: the auto-cooks add dishes, then the auto-sellers sell up to
    /// their rate from the dishes on hand. Seconds are credited exactly once, so accounting often
    /// earns nothing extra; the part of a second not yet elapsed waits for the next accounting.
    /// </summary>
    public AutomationReceipt SettleAutomation(KitchenCatalog catalog, DateTimeOffset now, TimeSpan offlineCap)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        if (now <= LastAccountedAt)
        {
            return AutomationReceipt.None;
        }

        var seconds = (long)Math.Floor((now - LastAccountedAt).TotalSeconds);
        if (seconds <= 0)
        {
            return AutomationReceipt.None;
        }

        var capSeconds = Math.Max(0, (long)offlineCap.TotalSeconds);
        var credited = Math.Min(seconds, capSeconds);

        // Beyond the cap the time is forfeited, so the clock restarts now rather than at the cap.
        LastAccountedAt = seconds > capSeconds ? now : LastAccountedAt.AddSeconds(seconds);

        var cooked = FloorToLong(AutoCookPerSecond(catalog) * credited);
        Dishes = SaturatingAdd(Dishes, cooked);
        var sold = Math.Min(Dishes, FloorToLong(AutoSellPerSecond(catalog) * credited));
        Dishes -= sold;
        var earned = sold > 0 ? Earn(catalog, sold) : 0;
        Touch();
        return new AutomationReceipt(seconds, credited, cooked, sold, earned);
    }

    /// <summary>
    /// Buys the next level of <paramref name="upgradeId"/>. Automation is settled first, at the old
    /// rates up to <paramref name="now"/> (its income may pay for the purchase); the new level counts
    /// from then on. A refusal leaves the session as it was, settlement included.
    /// </summary>
    public PurchaseOutcome BuyUpgrade(KitchenCatalog catalog, string upgradeId, DateTimeOffset now, TimeSpan offlineCap)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var upgrade = catalog.FindUpgrade(upgradeId) ?? throw new DomainException(KitchenSessionErrors.UnknownUpgrade);
        if (Rank < upgrade.RequiredRank)
        {
            throw new DomainException(KitchenSessionErrors.RankTooLow);
        }

        var level = LevelOf(upgrade.Id);
        var price = upgrade.PriceOfNextLevel(level) ?? throw new DomainException(KitchenSessionErrors.UpgradeMaxed);
        SettleOrUndo(catalog, now, offlineCap, () => Money >= price, KitchenSessionErrors.NotEnoughMoney);

        Money -= price;
        _upgradeLevels[upgrade.Id] = level + 1;
        AdvanceTutorial(catalog, "upgrade_buy");
        Touch();
        return new PurchaseOutcome(upgrade, level + 1, price);
    }

    public LevelProgress CheckLevel(KitchenCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return new LevelProgress(Rank, XpMilli, catalog.XpToNext(Rank) * 1000);
    }

    /// <summary>
    /// Spends the xp the next rank needs (the rest carries over) and rises one rank. A new rank may
    /// bring a dearer location, so automation up to <paramref name="now"/> is settled first, at the
    /// old dish price (automation gives no xp, so the checks do not depend on it).
    /// </summary>
    public LevelUpOutcome LevelUp(KitchenCatalog catalog, DateTimeOffset now, TimeSpan offlineCap)
    {
        var progress = CheckLevel(catalog);
        if (progress.IsTopRank)
        {
            throw new DomainException(KitchenSessionErrors.TopRank);
        }

        if (!progress.CanLevelUp)
        {
            throw new DomainException(KitchenSessionErrors.NotEnoughXp);
        }

        SettleAutomation(catalog, now, offlineCap);
        var previous = Rank;
        XpMilli -= progress.XpToNextMilli!.Value;
        Rank++;
        AdvanceTutorial(catalog, "level_up");
        Touch();
        var unlocked = catalog.Upgrades.Where(u => u.RequiredRank == Rank).ToArray();
        var location = catalog.Locations.FirstOrDefault(l => l.RequiredRank == Rank);
        return new LevelUpOutcome(previous, Rank, unlocked, location);
    }

    /// <summary>
    /// Prestige: converts lifetime earnings into prestige points (a permanent price boost) and
    /// starts a new run: money, dishes, xp, rank and upgrades go back to the start. Allowed once
    /// the run has earned the threshold. The run's automation up to <paramref name="now"/> is settled
    /// first: its income counts towards the threshold and the points. A refusal leaves the session as
    /// it was, settlement included.
    /// </summary>
    public PrestigeOutcome ResetForPrestige(KitchenCatalog catalog, DateTimeOffset now, TimeSpan offlineCap)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        SettleOrUndo(catalog, now, offlineCap, () => CanResetForPrestige(catalog), KitchenSessionErrors.PrestigeNotReady);

        var gained = PendingPrestigePoints(catalog);
        var run = RunEarnings;
        PrestigePoints = SaturatingAdd(PrestigePoints, gained);
        (Money, MoneyRemainderMilli, Dishes, XpMilli, Rank, RunEarnings) = (0, 0, 0, 0, 1, 0);
        _upgradeLevels.Clear();
        LastAccountedAt = now;
        Touch();
        return new PrestigeOutcome(gained, run);
    }

    /// <summary>
    /// Settles automation, then checks <paramref name="allowed"/>, which may depend on what the
    /// settlement earned; when it fails the settlement is undone, so a refused request changes nothing.
    /// </summary>
    private void SettleOrUndo(KitchenCatalog catalog, DateTimeOffset now, TimeSpan offlineCap, Func<bool> allowed, DomainError refusal)
    {
        var before = Snapshot();
        SettleAutomation(catalog, now, offlineCap);
        if (!allowed())
        {
            Restore(before);
            throw new DomainException(refusal);
        }
    }

    private long Earn(KitchenCatalog catalog, long dishes)
    {
        var milli = (Int128)dishes * DishPriceMilli(catalog) + MoneyRemainderMilli;
        var coins = milli / 1000;
        MoneyRemainderMilli = (long)(milli % 1000);
        var earned = coins >= long.MaxValue ? long.MaxValue : (long)coins;
        Money = SaturatingAdd(Money, earned);
        RunEarnings = SaturatingAdd(RunEarnings, earned);
        LifetimeEarnings = SaturatingAdd(LifetimeEarnings, earned);
        return earned;
    }

    private void AdmitCook(DateTimeOffset now, int maxPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxPerSecond);
        if (_recentCooks is null || _recentCooks.Length != maxPerSecond)
        {
            (_recentCooks, _recentCooksHead, _recentCooksCount) = (new long[maxPerSecond], 0, 0);
        }

        var ticks = now.UtcTicks;
        if (_recentCooksCount < _recentCooks.Length)
        {
            _recentCooks[(_recentCooksHead + _recentCooksCount) % _recentCooks.Length] = ticks;
            _recentCooksCount++;
            return;
        }

        // The log is full: admit only when its oldest cook has left the one-second window.
        if (ticks - _recentCooks[_recentCooksHead] < RateWindow.Ticks)
        {
            throw new DomainException(KitchenSessionErrors.TooManyCooks);
        }

        _recentCooks[_recentCooksHead] = ticks;
        _recentCooksHead = (_recentCooksHead + 1) % _recentCooks.Length;
    }

    private void AdvanceTutorial(KitchenCatalog catalog, string action)
    {
        if (CurrentTutorialStep(catalog) == action)
        {
            TutorialStep++;
        }
    }

    private decimal Sum(KitchenCatalog catalog, UpgradeEffect effect)
    {
        var total = 0m;
        foreach (var (id, level) in _upgradeLevels)
        {
            if (catalog.FindUpgrade(id) is { } upgrade && upgrade.Effect == effect)
            {
                total += upgrade.EffectPerLevel * level;
            }
        }

        return total;
    }

    private void Touch()
    {
        Revision++;
        MarkChanged();
    }

    private static long FloorToLong(decimal value) => value >= long.MaxValue ? long.MaxValue : (long)decimal.Floor(value);

    private static long SaturatingAdd(long a, long b) => b > 0 && a > long.MaxValue - b ? long.MaxValue : a + b;
}
