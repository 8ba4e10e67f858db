using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CleanGames.Infrastructure.Persistence.Sqlite;

/// <summary>The SQLite flavour of the database; its migrations live beside it.</summary>
internal sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type and cannot compare or order the text EF would store;
        // a sortable 64-bit encoding keeps range queries and ORDER BY in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
