using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Domain.Mafia.Economy;

namespace CleanGames.Infrastructure.Mafia.Economy;

/// <summary>
/// <c>Mafia/Data/economy-catalog.json</c> (embedded): what <c>POST /api/economy/purchase</c> sells and at
/// what price. A file that lists an item twice or a price that is not positive stops the start.
/// </summary>
internal sealed class EconomyCatalogFile : IEconomyCatalog
{
    private const string ResourceName = "CleanGames.Mafia.EconomyCatalog.json";

    private readonly Dictionary<(string Type, string Id), CatalogItem> _byKey;

    private EconomyCatalogFile(IReadOnlyList<CatalogItem> items)
    {
        Items = items;
        _byKey = new Dictionary<(string, string), CatalogItem>();
        foreach (var item in items)
        {
            if (item.Price <= 0 || string.IsNullOrWhiteSpace(item.ItemType) || string.IsNullOrWhiteSpace(item.ItemId) || !_byKey.TryAdd((item.ItemType, item.ItemId), item))
            {
                throw new InvalidOperationException($"{ResourceName}: item {item.ItemType}/{item.ItemId} is listed twice, unnamed or not priced above 0.");
            }
        }
    }

    public IReadOnlyList<CatalogItem> Items { get; }

    public CatalogItem? Find(string itemType, string itemId) => _byKey.GetValueOrDefault((itemType, itemId));

    public static EconomyCatalogFile Load() => new(MafiaDataFile.Read<FileShape>(ResourceName).Items);

    private sealed record FileShape(IReadOnlyList<CatalogItem> Items);
}
