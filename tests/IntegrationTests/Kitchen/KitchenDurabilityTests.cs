using System.Diagnostics;
using CleanGames.Infrastructure.Kitchen;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace CleanGames.IntegrationTests.Kitchen;

/// <summary>
/// Write-behind: the hot path changes memory only; the database follows within a second, on the
/// account's last disconnect and on graceful shutdown; purchases and prestige are written through.
/// </summary>
public sealed class KitchenDurabilityTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task Cooking_reaches_the_database_within_a_second_without_a_write_per_request()
    {
        await using var host = new KitchenHost(DatabasePath, writeBehindMs: 500);
        await host.InitializeAsync();
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();

        await player.CookAsync(3);
        var changedAt = Stopwatch.GetTimestamp();
        var stored = await WaitForStoredAsync(host, player.AccountId, s => s.Dishes == 3, TimeSpan.FromSeconds(3));
        Assert.True(stored, "The cooked dishes never reached the database.");
        Assert.True(Stopwatch.GetElapsedTime(changedAt) < TimeSpan.FromSeconds(1.5), $"Written after {Stopwatch.GetElapsedTime(changedAt)}");
    }

    [Fact]
    public async Task A_purchase_is_in_the_database_when_its_response_arrives()
    {
        await using var host = new KitchenHost(DatabasePath, writeBehindMs: 1000);
        await host.InitializeAsync();
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.SeedSessionAsync(s => s with { Money = 100 });
        await player.ConnectAsync();

        await player.RequestAsync("upgrade_buy", new { id = "1" });
        var stored = await LoadAsync(host, player.AccountId);
        Assert.Equal(1, stored!.UpgradeLevels["1"]);
        Assert.Equal(85, stored.Money);
    }

    [Fact]
    public async Task The_last_connection_to_leave_writes_the_session()
    {
        await using var host = new KitchenHost(DatabasePath, writeBehindMs: 1000);
        await host.InitializeAsync();
        var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();
        await player.CookAsync(2);
        await player.DisposeAsync();

        Assert.True(await WaitForStoredAsync(host, player.AccountId, s => s.Dishes == 2, TimeSpan.FromSeconds(0.9)));
    }

    [Fact]
    public async Task Progress_survives_a_graceful_restart()
    {
        KitchenPlayer player;
        var first = new KitchenHost(DatabasePath, writeBehindMs: 1000);
        await first.InitializeAsync();
        player = await KitchenPlayer.RegisterAsync(first);
        await player.ConnectAsync();
        await player.CookAsync(7);
        await player.RequestAsync("sell");
        await player.CookAsync(4);

        // Stopped with the socket still open and the last cooks not yet written behind.
        await first.StopAsync();
        player.Socket!.Dispose();

        await using var second = new KitchenHost(DatabasePath, writeBehindMs: 1000);
        await second.InitializeAsync();
        using var socket = await second.ConnectWebSocketAsync("/ws?token=" + player.Token);
        await KitchenPlayer.SendTextAsync(socket, """{"message_type":"request","request_id":"back","request_type":"session","data":{}}""");
        var session = (await KitchenPlayer.ReceiveResponseAsync(socket)).GetProperty("data").GetProperty("session");
        Assert.Equal(4, session.GetProperty("dishes").GetInt64());
        Assert.Equal(35, session.GetProperty("money").GetInt64());
        Assert.Equal(11, session.GetProperty("level").GetProperty("xp").GetDouble());
    }

    private static async Task<Domain.Kitchen.Sessions.KitchenSession?> LoadAsync(CleanGamesHost host, long accountId) =>
        (await host.Services.GetRequiredService<KitchenSessionPersistence>().LoadAsync(accountId, CancellationToken.None))?.Session;

    private static async Task<bool> WaitForStoredAsync(CleanGamesHost host, long accountId, Func<Domain.Kitchen.Sessions.KitchenSession, bool> condition, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            if (await LoadAsync(host, accountId) is { } stored && condition(stored))
            {
                return true;
            }

            await Task.Delay(50);
        }

        return false;
    }

    private sealed class KitchenHost(string databasePath, int writeBehindMs) : CleanGamesHost(databasePath)
    {
        protected override void ConfigureHost(IWebHostBuilder builder) =>
            builder.UseSetting("Kitchen:WriteBehindMilliseconds", writeBehindMs.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
