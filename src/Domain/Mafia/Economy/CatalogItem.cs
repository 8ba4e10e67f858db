namespace CleanGames.Domain.Mafia.Economy;

/// <summary>Something a player can buy, at the server's price (the catalogue data file).</summary>
public sealed record CatalogItem(string ItemType, string ItemId, string Name, long Price);
