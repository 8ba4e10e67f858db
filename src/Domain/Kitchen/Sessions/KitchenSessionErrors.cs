using CleanGames.Domain.Common;

namespace CleanGames.Domain.Kitchen.Sessions;

public static class KitchenSessionErrors
{
    public static readonly DomainError UnknownUpgrade = new("kitchen.upgrade.unknown", "There is no upgrade with that id.");
    public static readonly DomainError RankTooLow = new("kitchen.upgrade.rank_too_low", "Your rank is too low for this upgrade.");
    public static readonly DomainError UpgradeMaxed = new("kitchen.upgrade.maxed", "This upgrade is already at its highest level.");
    public static readonly DomainError NotEnoughMoney = new("kitchen.money.insufficient", "Not enough money.");
    public static readonly DomainError NotEnoughXp = new("kitchen.level.not_enough_xp", "Not enough xp for the next rank yet.");
    public static readonly DomainError TopRank = new("kitchen.level.top_rank", "You are at the highest rank.");
    public static readonly DomainError PrestigeNotReady = new("kitchen.prestige.not_ready", "Earn more in this run before resetting for prestige.");
    public static readonly DomainError TooManyCooks = DomainError.TooMany("kitchen.cook.too_fast", "Too many cook requests; slow down.");
}
