using CleanGames.Infrastructure.Persistence.Sqlite;
using CleanGames.Infrastructure.Persistence.SqlServer;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CleanGames.Infrastructure.Persistence;

// Used by `dotnet ef` (migrations add, has-pending-model-changes, script): no host, no database
// connection needed. A connection string given after `--` overrides the placeholder.
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteApplicationDbContext>
{
    public SqliteApplicationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqliteApplicationDbContext>();
        DatabaseRegistration.ConfigureSqlite(options, args.FirstOrDefault() ?? "Data Source=cleangames-design.db");
        return new SqliteApplicationDbContext(options.Options);
    }
}

internal sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerApplicationDbContext>
{
    public SqlServerApplicationDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<SqlServerApplicationDbContext>();
        DatabaseRegistration.ConfigureSqlServer(options, args.FirstOrDefault() ?? "Server=localhost;Database=CleanGames;Integrated Security=true;TrustServerCertificate=true");
        return new SqlServerApplicationDbContext(options.Options);
    }
}
