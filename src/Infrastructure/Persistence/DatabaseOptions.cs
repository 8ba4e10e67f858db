namespace CleanGames.Infrastructure.Persistence;

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}

public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary><c>Database:Provider</c>: <c>Sqlite</c> (default) or <c>SqlServer</c>.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary><c>Database:MigrateOnStartup</c>: apply migrations and seed reference data at start.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
