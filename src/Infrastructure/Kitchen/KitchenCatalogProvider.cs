using CleanGames.Application.Kitchen.Common;
using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>
/// Reads the seeded catalogue once and keeps it: the economy is fixed while the process runs.
/// Only the rows the data file lists are offered (a row the file dropped stays for old sessions).
/// </summary>
internal sealed class KitchenCatalogProvider(IServiceScopeFactory scopes) : IKitchenCatalogProvider
{
    private readonly SemaphoreSlim _loading = new(1, 1);
    private KitchenCatalog? _catalog;

    public ValueTask<KitchenCatalog> GetAsync(CancellationToken cancellationToken) =>
        _catalog is { } catalog ? ValueTask.FromResult(catalog) : new ValueTask<KitchenCatalog>(LoadAsync(cancellationToken));

    private async Task<KitchenCatalog> LoadAsync(CancellationToken cancellationToken)
    {
        await _loading.WaitAsync(cancellationToken);
        try
        {
            if (_catalog is { } loaded)
            {
                return loaded;
            }

            var file = KitchenEconomyFile.Current;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
            var upgradeIds = file.Upgrades.Select(u => u.Id).ToArray();
            var locationIds = file.Locations.Select(l => l.Id).ToArray();
            var upgrades = await db.Set<UpgradeDefinition>().AsNoTracking().Where(u => upgradeIds.Contains(u.Id)).ToListAsync(cancellationToken);
            var ranks = await db.Set<RankDefinition>().AsNoTracking().Where(r => r.Rank <= file.Ranks.Count).ToListAsync(cancellationToken);
            var locations = await db.Set<LocationDefinition>().AsNoTracking().Where(l => locationIds.Contains(l.Id)).ToListAsync(cancellationToken);
            return _catalog = new KitchenCatalog(file.Rules, upgrades, ranks, locations);
        }
        finally
        {
            _loading.Release();
        }
    }
}
