using Microsoft.AspNetCore.DataProtection;
using CleanGames.Infrastructure.Persistence.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Persistence;

/// <summary>
/// Brings the database up to date after the host starts serving (so <c>/health/live</c> answers at
/// once): applies migrations under EF's migration lock (two instances starting together are safe),
/// then runs the reference-data seeders, then reports ready. A database that is not reachable yet
/// is retried with back-off rather than crashing the host.
/// </summary>
internal sealed partial class DatabaseInitializer(
    IServiceScopeFactory scopeFactory,
    DatabaseReadiness readiness,
    IOptions<DatabaseOptions> options,
    ILogger<DatabaseInitializer> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var delay = TimeSpan.FromMilliseconds(500);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await InitializeAsync(stoppingToken);
                readiness.MarkReady();
                LogReady(options.Value.Provider);
                return;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogInitializationFailed(exception, delay.TotalSeconds);
                await Task.Delay(delay, stoppingToken).ContinueWith(_ => { }, CancellationToken.None);
                delay = TimeSpan.FromSeconds(Math.Min(30, delay.TotalSeconds * 2));
            }
        }
    }

    internal async Task InitializeAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();

        if (db.Database.IsSqlite())
        {
            PrepareSqliteFile(db.Database.GetConnectionString());
            // WAL lets readers proceed while one writer commits; the setting is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        if (options.Value.MigrateOnStartup)
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        else
        {
            // Someone else applies the schema (the offline script); wait for it, then seed.
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                throw new InvalidOperationException(
                    $"Database:MigrateOnStartup is false and {pending.Count} migration(s) are not applied yet ({string.Join(", ", pending)}). Apply the migration script.");
            }
        }

        // Reference data belongs to the application, not the schema: it is brought up to date on
        // every start once the schema is current, whoever applied the schema.
        await SeedAsync(scope.ServiceProvider, db, cancellationToken);

        // The Data Protection key ring is read (and, on a new database, its first key written) now,
        // not by the first request that protects something (a socket's reconnect token).
        _ = scope.ServiceProvider.GetRequiredService<IDataProtectionProvider>().CreateProtector("cleangames.key-ring.warm-up").Protect([0]);
    }

    private async Task SeedAsync(IServiceProvider services, ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var seeders = services.GetServices<IReferenceDataSeeder>().OrderBy(s => s.Order).ToList();
        foreach (var seeder in seeders)
        {
            // Another instance seeding the same rows at the same moment makes one insert fail on a
            // unique key; seeders are idempotent, so running again settles it.
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    await seeder.SeedAsync(db, cancellationToken);
                    break;
                }
                catch (DbUpdateException) when (attempt < 3)
                {
                    db.ChangeTracker.Clear();
                }
            }

            db.ChangeTracker.Clear();
            LogSeeded(seeder.GetType().Name);
        }
    }

    private static void PrepareSqliteFile(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:" || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Database ready ({Provider}): migrations applied and reference data seeded")]
    private partial void LogReady(DatabaseProvider provider);

    [LoggerMessage(Level = LogLevel.Error, Message = "Database initialisation failed; retrying in {DelaySeconds} s")]
    private partial void LogInitializationFailed(Exception exception, double delaySeconds);

    [LoggerMessage(Level = LogLevel.Information, Message = "Reference data seeded by {Seeder}")]
    private partial void LogSeeded(string seeder);
}
