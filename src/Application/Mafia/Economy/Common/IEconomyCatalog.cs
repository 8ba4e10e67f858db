using CleanGames.Domain.Mafia.Economy;

namespace CleanGames.Application.Mafia.Economy.Common;

/// <summary>What players can buy and at what price: the catalogue data file, read once.</summary>
public interface IEconomyCatalog
{
    IReadOnlyList<CatalogItem> Items { get; }

    CatalogItem? Find(string itemType, string itemId);
}
