using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Economy;

/// <summary>The economy's refusals, worded for the player.</summary>
public static class EconomyErrors
{
    public static readonly DomainError InsufficientBalance = DomainError.Invalid("economy.balance.insufficient", "Insufficient balance");

    public static readonly DomainError GiftToSelf = DomainError.Invalid("economy.gift.to_self", "You cannot send a gift to yourself");

    public static readonly DomainError NoSuchPlayer = DomainError.NotFound("economy.player.not_found", "User not found");

    public static DomainError BelowMinimumWithdrawal(long minimum) =>
        DomainError.Invalid("economy.withdrawal.below_minimum", string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The minimum withdrawal is {minimum}"));

    public static readonly DomainError NoSuchItem = DomainError.NotFound("economy.item.not_found", "Item not found");

    /// <summary>The price a purchase named is not the catalogue's: the message names the current price.</summary>
    public static DomainError PriceChanged(string itemType, string itemId, long price, long offered) => DomainError.Conflict(
        "economy.purchase.price_changed",
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The price of {itemType} {itemId} is {price}, not {offered}"));
}
