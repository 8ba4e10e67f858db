using System.Net;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Platform;

public sealed class PersistenceTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Racing_writes_on_one_aggregate_all_succeed_and_none_is_lost()
    {
        var client = host.CreateClient();
        var created = await (await client.PostAsync("/test/race/accounts", null)).ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();

        const int racers = 24;
        var responses = await Task.WhenAll(Enumerable.Range(0, racers).Select(_ => client.PostAsync($"/test/race/accounts/{id}/writes", null)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        var counts = await Task.WhenAll(responses.Select(async r => (await r.ReadJsonAsync()).GetProperty("writes").GetInt32()));
        // Each racer saw a distinct count: every read-modify-write happened on fresh state.
        Assert.Equal(Enumerable.Range(1, racers), counts.Order());

        var final = await (await client.GetAsync($"/test/race/accounts/{id}")).ReadJsonAsync();
        Assert.Equal(racers, final.GetProperty("writes").GetInt32());
        Assert.Equal(racers + 1, final.GetProperty("version").GetInt64());
    }

    [Fact]
    public async Task Writers_of_one_process_queue_on_the_database_files_gate_instead_of_the_sqlite_lock()
    {
        var client = host.CreateClient();
        var id = (await (await client.PostAsync("/test/race/accounts", null)).ReadJsonAsync()).GetProperty("id").GetInt64();
        string connectionString;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            connectionString = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Database.GetConnectionString()!;
        }

        // The same file spelled another way is the same gate.
        var gate = SqliteWriteGate.For(new SqliteConnectionStringBuilder(connectionString) { DataSource = Path.GetRelativePath(Environment.CurrentDirectory, host.DatabasePath) }.ToString());
        Assert.Same(SqliteWriteGate.For(connectionString), gate);
        Assert.NotSame(gate, SqliteWriteGate.For("Data Source=" + Path.Combine(Path.GetTempPath(), "another.db")));

        await gate.WaitAsync();
        Task<HttpResponseMessage> write;
        try
        {
            write = client.PostAsync($"/test/race/accounts/{id}/writes", null);
            // While the gate is held, the write waits for it.
            await Task.Delay(TimeSpan.FromMilliseconds(300));
            Assert.False(write.IsCompleted);
        }
        finally
        {
            gate.Release();
        }

        Assert.Equal(HttpStatusCode.OK, (await write).StatusCode);
        var final = await (await client.GetAsync($"/test/race/accounts/{id}")).ReadJsonAsync();
        Assert.Equal(1, final.GetProperty("writes").GetInt32());
    }

    [Fact]
    public async Task Every_migration_is_applied_to_the_fresh_database()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.True(db.Database.IsSqlite());
        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public void Neither_provider_has_model_changes_missing_from_its_migrations()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: add a migration for SqliteApplicationDbContext.");

        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server migrations are behind the model: add a migration for SqlServerApplicationDbContext.");
        Assert.NotEmpty(sqlServer.Database.GetMigrations());
    }

    [Fact]
    public void A_sql_server_script_can_be_generated_without_a_server()
    {
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = sqlServer.Database.GenerateCreateScript();
        Assert.Contains("CREATE TABLE [identity_accounts]", script, StringComparison.Ordinal);
    }
}

/// <summary>Two hosts starting at once on one new database: migrations run once, both become ready.</summary>
public sealed class ConcurrentStartupTests
{
    [Fact]
    public async Task Two_instances_starting_together_on_one_empty_database_both_become_ready()
    {
        await using var first = new CleanGamesHost();
        await using var second = new SharedDatabaseHost(first.DatabasePath);

        await Task.WhenAll(Task.Run(first.InitializeAsync), Task.Run(second.InitializeAsync));

        await using var scope = first.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
    }

    [Fact]
    public async Task Restarting_on_an_existing_database_is_idempotent()
    {
        await using var first = new CleanGamesHost();
        await first.InitializeAsync();
        var created = await (await first.CreateClient().PostAsync("/test/race/accounts", null)).ReadJsonAsync();
        var id = created.GetProperty("id").GetInt64();

        await using var again = new SharedDatabaseHost(first.DatabasePath);
        await again.InitializeAsync();
        var response = await again.CreateClient().GetAsync($"/test/race/accounts/{id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    private sealed class SharedDatabaseHost : CleanGamesHost
    {
        public SharedDatabaseHost(string databasePath) => DatabasePath = databasePath;
    }
}
