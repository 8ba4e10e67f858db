namespace CleanGames.Infrastructure.Persistence.Seeding;

/// <summary>
/// Loads one module's reference data (catalogues, tables) from its data files into the database.
/// Runs after migrations on every start, so it must be idempotent: insert what is missing, update
/// what changed, never duplicate. Register with <c>services.AddReferenceDataSeeder&lt;T&gt;()</c>.
/// </summary>
internal interface IReferenceDataSeeder
{
    /// <summary>Seeders run in ascending order (reference data another seeder points at comes first).</summary>
    int Order => 0;

    Task SeedAsync(ApplicationDbContext db, CancellationToken cancellationToken);
}
