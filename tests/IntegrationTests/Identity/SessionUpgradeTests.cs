using System.Net;
using System.Security.Cryptography;
using System.Text;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Identity;

/// <summary>
/// Sessions started before families kept only two hashes (one row per token ever issued) survive
/// the upgrade: their unused token still refreshes, and their last used token is still reuse.
/// </summary>
public sealed class SessionUpgradeTests
{
    private const string LastMigrationWithTokenRows = "20261205073109_BootstrapAdminAndRoleAudit";

    [Fact]
    public async Task A_session_from_before_the_upgrade_still_refreshes_and_its_used_token_is_still_reuse()
    {
        var directory = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "cleangames-tests", Guid.NewGuid().ToString("N")));
        var databasePath = Path.Combine(directory.FullName, "cleangames.db");
        try
        {
            var now = DateTimeOffset.UtcNow;
            await using (var db = new SqliteDesignTimeFactory().CreateDbContext([new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString()]))
            {
                await db.GetService<IMigrator>().MigrateAsync(LastMigrationWithTokenRows);
                var accountId = await InsertAccountAsync(db, now);
                await InsertFamilyAsync(db, accountId, now, used: "kept-used-token", current: "kept-current-token");
                await InsertFamilyAsync(db, accountId, now, used: "replayed-used-token", current: "replayed-current-token");
            }

            await using var host = new UpgradedHost(databasePath);
            await host.InitializeAsync();
            var client = host.CreateClient();

            var refreshed = await client.PostAsync("/auth/refresh", Body(new { refresh_token = "kept-current-token" }));
            Assert.Equal(HttpStatusCode.OK, refreshed.StatusCode);
            var next = (await refreshed.ReadJsonAsync()).GetProperty("data").GetProperty("refresh_token").GetString()!;
            Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/auth/refresh", Body(new { refresh_token = next }))).StatusCode);

            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/auth/refresh", Body(new { refresh_token = "replayed-used-token" }))).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.PostAsync("/auth/refresh", Body(new { refresh_token = "replayed-current-token" }))).StatusCode);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            try
            {
                directory.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A file still held by a closing connection; the temp folder is cleaned later (as SharedDatabaseDirectory does).
            }
        }
    }

    private static async Task<long> InsertAccountAsync(DbContext db, DateTimeOffset now)
    {
        await db.Database.ExecuteSqlRawAsync(
            """
            INSERT INTO identity_accounts (Key, Username, NormalizedUsername, PasswordHash, Roles, Status, CreatedAt, FailedSignInCount, IsBootstrapAdmin, Version)
            VALUES ({0}, 'legacy', 'LEGACY', 'not-a-real-hash', 1, 'Active', {1}, 0, 0, 1)
            """,
            Guid.NewGuid().ToString().ToUpperInvariant(), Stored(now.AddDays(-1)));
        return await db.Database.SqlQueryRaw<long>("SELECT Id AS Value FROM identity_accounts WHERE Username = 'legacy'").SingleAsync();
    }

    private static async Task InsertFamilyAsync(DbContext db, long accountId, DateTimeOffset now, string used, string current)
    {
        var familyId = Guid.NewGuid().ToString().ToUpperInvariant();
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO identity_refresh_families (Id, AccountId, CreatedAt, LastUsedAt, ExpiresAt, Version) VALUES ({0}, {1}, {2}, {3}, {4}, 2)",
            familyId, accountId, Stored(now.AddDays(-2)), Stored(now.AddHours(-1)), Stored(now.AddDays(28)));
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO identity_refresh_tokens (Hash, FamilyId, IssuedAt, UsedAt) VALUES ({0}, {1}, {2}, {3}), ({4}, {1}, {3}, NULL)",
            Hash(used), familyId, Stored(now.AddDays(-2)), Stored(now.AddHours(-1)), Hash(current));
    }

    private static long Stored(DateTimeOffset at) => (long)new DateTimeOffsetToBinaryConverter().ConvertToProvider(at)!;

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    private sealed class UpgradedHost(string databasePath) : CleanGamesHost(databasePath);
}
