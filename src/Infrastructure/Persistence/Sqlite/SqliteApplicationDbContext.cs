using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CleanGames.Infrastructure.Persistence.Sqlite;

/// <summary>The SQLite flavour of the database; its migrations live beside it.</summary>
internal sealed class SqliteApplicationDbContext(DbContextOptions<SqliteApplicationDbContext> options) : ApplicationDbContext(options)
{
    // A pooled context keeps its connection string, so it looks its gate up once.
    private SemaphoreSlim? _writeGate;

    /// <summary>Saves through the database's <see cref="SqliteWriteGate"/>: one writer of this process at a time.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        var gate = _writeGate ??= SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Bulk writes queue on the same <see cref="SqliteWriteGate"/> as saves.</summary>
    public override async Task<int> ExecuteWriteAsync(Func<CancellationToken, Task<int>> write, CancellationToken cancellationToken)
    {
        var gate = _writeGate ??= SqliteWriteGate.For(Database.GetConnectionString());
        await gate.WaitAsync(cancellationToken);
        try
        {
            return await write(cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no date-time-offset type and cannot compare or order the text EF would store;
        // a sortable 64-bit encoding keeps range queries and ORDER BY in the database.
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToBinaryConverter>();
    }
}
