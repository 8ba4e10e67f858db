using CleanGames.Application.Common.Abstractions;
using CleanGames.Infrastructure.Health;
using CleanGames.Infrastructure.Persistence.Seeding;
using CleanGames.Infrastructure.Persistence.Sqlite;
using CleanGames.Infrastructure.Persistence.SqlServer;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Persistence;

public static class DatabaseRegistration
{
    public const string ConnectionStringName = "Default";

    /// <summary>The Data Protection application name every instance uses (keys are isolated by it).</summary>
    public const string DataProtectionApplicationName = "CleanGames";

    internal static IServiceCollection AddPersistence(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>().BindConfiguration(DatabaseOptions.Section).ValidateOnStart();

        // Both provider flavours are registered; configuration picks one when a scope first asks,
        // so settings applied late (tests, hosting layers) still decide.
        services.AddDbContextPool<SqliteApplicationDbContext>((sp, options) => ConfigureSqlite(options, ResolveConnectionString(sp, DatabaseProvider.Sqlite)));
        services.AddDbContextPool<SqlServerApplicationDbContext>((sp, options) => ConfigureSqlServer(options, ResolveConnectionString(sp, DatabaseProvider.SqlServer)));
        services.AddScoped<ApplicationDbContext>(sp => sp.GetRequiredService<IOptions<DatabaseOptions>>().Value.Provider switch
        {
            DatabaseProvider.SqlServer => sp.GetRequiredService<SqlServerApplicationDbContext>(),
            _ => sp.GetRequiredService<SqliteApplicationDbContext>(),
        });

        // One key ring for every instance on this database, under one application name, so what one
        // instance protects (reconnect tokens) another reads after a failover or a restart.
        services.AddDataProtection().SetApplicationName(DataProtectionApplicationName);
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
            new ConfigureOptions<KeyManagementOptions>(keys => keys.XmlRepository = new DatabaseKeyRepository(sp.GetRequiredService<IServiceScopeFactory>())));

        services.AddScoped<IUnitOfWork, EfUnitOfWork>();
        services.AddScoped(typeof(IRepository<>), typeof(EfRepository<>));
        services.AddScoped(typeof(IReadRepository<>), typeof(EfRepository<>));

        services.AddSingleton<DatabaseReadiness>();
        services.AddSingleton<IServiceReadiness>(sp => sp.GetRequiredService<DatabaseReadiness>());
        services.AddHostedService<DatabaseInitializer>();
        services.AddHealthChecks().AddCheck<DatabaseReadinessCheck>("database", tags: ["ready"]);
        return services;
    }

    /// <summary>Registers a module's reference-data seeder; it runs after migrations on every start.</summary>
    internal static IServiceCollection AddReferenceDataSeeder<TSeeder>(this IServiceCollection services)
        where TSeeder : class, IReferenceDataSeeder =>
        services.AddScoped<IReferenceDataSeeder, TSeeder>();

    internal static void ConfigureSqlite(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(ApplicationDbContext).Assembly.GetName().Name)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    internal static void ConfigureSqlServer(DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlServer(connectionString, sql => sql.MigrationsAssembly(typeof(ApplicationDbContext).Assembly.GetName().Name)
            .UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery));

    private static string ResolveConnectionString(IServiceProvider services, DatabaseProvider provider)
    {
        var configured = services.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName);
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        if (provider == DatabaseProvider.SqlServer)
        {
            throw new InvalidOperationException("Database:Provider is SqlServer but ConnectionStrings:Default is not set.");
        }

        // Zero-setup default: a file under the app's data/ folder.
        var contentRoot = services.GetRequiredService<IHostEnvironment>().ContentRootPath;
        return new SqliteConnectionStringBuilder { DataSource = Path.Combine(contentRoot, "data", "cleangames.db") }.ToString();
    }
}
