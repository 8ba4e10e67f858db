using System.Text.Json;
using CleanGames.Domain.Novels.Taxonomy;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Seeding;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Novels;

/// <summary>
/// The reference genres and tags with their localized names (<c>Data/novels-taxonomy.json</c>,
/// embedded), idempotent: the first start fills the empty lists; later starts give a slug already
/// there (seeded before, or made on the fly from a novel) the names of languages it has none in, and
/// keep the names an admin gave it. A reference slug an admin merged into another or renamed is not
/// brought back.
/// </summary>
internal sealed class NovelsReferenceDataSeeder : IReferenceDataSeeder
{
    public async Task SeedAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var file = TaxonomyFile.Load();
        var now = DateTimeOffset.UtcNow;
        await UpsertAsync(db.Set<Genre>(), file.Genres, (slug, names) => Genre.Create(slug, names, now), cancellationToken);
        await UpsertAsync(db.Set<Tag>(), file.Tags, (slug, names) => Tag.Create(slug, names, now), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task UpsertAsync<T>(DbSet<T> set, IReadOnlyList<TaxonEntry> entries, Func<string, IEnumerable<TaxonName>, T> create, CancellationToken cancellationToken)
        where T : Taxon
    {
        var stored = (await set.ToListAsync(cancellationToken)).ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var firstSeed = stored.Count == 0;
        foreach (var entry in entries)
        {
            var names = entry.Names.Select(n => new TaxonName(n.Key, n.Value)).ToList();
            if (!stored.TryGetValue(entry.Slug, out var row))
            {
                // Only into an empty list: a reference slug an admin merged away or renamed stays gone.
                if (firstSeed)
                {
                    set.Add(create(entry.Slug, names));
                }

                continue;
            }

            var missing = names.Where(n => row.Names.All(existing => existing.Lang != n.Lang)).ToList();
            if (missing.Count > 0)
            {
                row.Rename(slug: null, missing);
            }
        }
    }

    private sealed record TaxonEntry(string Slug, Dictionary<string, string> Names);

    private sealed record TaxonomyFile(IReadOnlyList<TaxonEntry> Genres, IReadOnlyList<TaxonEntry> Tags)
    {
        public static TaxonomyFile Load()
        {
            using var stream = typeof(TaxonomyFile).Assembly.GetManifestResourceStream("CleanGames.Novels.Taxonomy.json")
                               ?? throw new InvalidOperationException("The embedded Novels taxonomy (novels-taxonomy.json) is missing.");
            return JsonSerializer.Deserialize<TaxonomyFile>(stream, new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                   ?? throw new InvalidOperationException("The Novels taxonomy file is empty.");
        }
    }
}
