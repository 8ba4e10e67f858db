using CleanGames.Domain.Kitchen.Catalog;

namespace CleanGames.Application.Kitchen.Common;

/// <summary>The economy every session plays by, read once from the seeded reference data.</summary>
public interface IKitchenCatalogProvider
{
    ValueTask<KitchenCatalog> GetAsync(CancellationToken cancellationToken);
}
