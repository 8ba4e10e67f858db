using CleanGames.Domain.Kitchen.Catalog;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Kitchen;

/// <summary>
/// The seed's <c>create_updates</c> and <c>create_levels_xps</c>, idempotent: rows missing from the
/// database are added, rows the file changed are updated, nothing is duplicated. Rows the file no
/// longer has stay (sessions may own levels of them) but leave the catalogue.
/// </summary>
internal sealed class KitchenReferenceDataSeeder : IReferenceDataSeeder
{
    public async Task SeedAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var file = KitchenEconomyFile.Current;
        await UpsertAsync(db.Set<UpgradeDefinition>(), file.Upgrades, u => u.Id, (row, source) => row.UpdateFrom(source), cancellationToken);
        await UpsertAsync(db.Set<RankDefinition>(), file.Ranks, r => r.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), (row, source) => row.UpdateFrom(source), cancellationToken);
        await UpsertAsync(db.Set<LocationDefinition>(), file.Locations, l => l.Id, (row, source) => row.UpdateFrom(source), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task UpsertAsync<T>(DbSet<T> set, IReadOnlyList<T> fromFile, Func<T, string> key, Action<T, T> update, CancellationToken cancellationToken)
        where T : class
    {
        var stored = (await set.ToListAsync(cancellationToken)).ToDictionary(key, StringComparer.Ordinal);
        foreach (var item in fromFile)
        {
            if (stored.TryGetValue(key(item), out var row))
            {
                update(row, item);
            }
            else
            {
                set.Add(item);
            }
        }
    }
}
