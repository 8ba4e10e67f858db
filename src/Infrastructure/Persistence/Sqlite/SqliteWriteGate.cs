using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace CleanGames.Infrastructure.Persistence.Sqlite;

/// <summary>
/// SQLite takes one writer at a time. A second writer that finds the file locked is retried by
/// Microsoft.Data.Sqlite with a blocking 150 ms sleep, which under load both delays the write and
/// starves the thread pool; so the writers of one process queue on one gate per database file
/// instead, without holding a thread, and only writers of another process ever meet the lock.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Gates = new(StringComparer.Ordinal);

    /// <summary>The gate of the database a connection string names (however its path is spelled).</summary>
    public static SemaphoreSlim For(string? connectionString) =>
        Gates.GetOrAdd(DatabaseFileOf(connectionString), static _ => new SemaphoreSlim(1, 1));

    private static string DatabaseFileOf(string? connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        return dataSource.Length == 0 || dataSource.Equals(":memory:", StringComparison.OrdinalIgnoreCase) || dataSource.StartsWith("file:", StringComparison.OrdinalIgnoreCase)
            ? dataSource
            : Path.GetFullPath(dataSource);
    }
}
