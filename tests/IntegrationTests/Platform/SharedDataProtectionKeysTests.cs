using CleanGames.IntegrationTests.Mafia;
using CleanGames.IntegrationTests.Support;
using Microsoft.Data.Sqlite;

namespace CleanGames.IntegrationTests.Platform;

/// <summary>
/// The Data Protection key ring lives in the database the instances share: a reconnect token one
/// instance handed out opens the socket again on another (a failover behind a load balancer).
/// </summary>
public sealed class SharedDataProtectionKeysTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task A_reconnect_token_from_one_instance_reopens_the_notifications_socket_on_another()
    {
        await using var first = new KeptDatabaseHost(DatabasePath);
        await first.InitializeAsync();
        await using var second = new KeptDatabaseHost(DatabasePath);
        await second.InitializeAsync();

        var (playerId, _, _, _) = await first.CreateClient().RegisterGameClientAsync();
        string reconnect;
        using (var socket = await first.ConnectWebSocketAsync("/ws/notifications", first.IssueToken(playerId)))
        {
            var connected = await MafiaTable.NextAsync(socket, "type", "connected");
            reconnect = connected.GetProperty("reconnect_token").GetString()!;
        }

        using var again = await second.ConnectWebSocketAsync("/ws/notifications?reconnect_token=" + Uri.EscapeDataString(reconnect));
        await MafiaTable.NextAsync(again, "type", "connected");

        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = DatabasePath, Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM platform_data_protection_keys";
        Assert.Equal(1L, (long)(await command.ExecuteScalarAsync())!);
    }
}
