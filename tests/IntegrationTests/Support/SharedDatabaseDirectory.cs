namespace CleanGames.IntegrationTests.Support;

/// <summary>
/// A temporary folder for tests that run several hosts, one after the other, on the same database
/// file (restarts); removed when the test class is done.
/// </summary>
public abstract class SharedDatabaseDirectory : IAsyncLifetime
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "cleangames-tests", "shared-" + Guid.NewGuid().ToString("N"));

    protected string DatabasePath => Path.Combine(_directory, "cleangames.db");

    public Task InitializeAsync()
    {
        Directory.CreateDirectory(_directory);
        return Task.CompletedTask;
    }

    public Task DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a pooled connection; the temp folder is cleaned later.
        }

        return Task.CompletedTask;
    }
}
