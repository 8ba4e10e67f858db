using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Kitchen;

/// <summary>The same game over <c>/hubs/kitchen</c>, <c>/v1/connect</c> (domain <c>kitchen</c>) and the REST read routes.</summary>
public sealed class KitchenTransportsTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task The_hub_plays_the_seed_flow_and_pushes_session_to_the_accounts_other_connections()
    {
        var player = await KitchenPlayer.RegisterAsync(host);
        await using var hub = host.CreateHubConnection("/hubs/kitchen", player.Token);
        await using var other = host.CreateHubConnection("/hubs/kitchen", player.Token);
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        other.On<JsonElement>("session", e => pushed.TrySetResult(e));
        var ownPushes = 0;
        hub.On<JsonElement>("session", _ => Interlocked.Increment(ref ownPushes));
        await hub.StartAsync();
        await other.StartAsync();

        var opened = await hub.InvokeAsync<JsonElement>("session");
        AssertProperties(opened, "session", "away");
        Assert.Equal(player.AccountId, opened.GetProperty("session").GetProperty("user_id").GetInt64());
        Assert.Equal("session", (await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("request_type").GetString());

        pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(1, (await hub.InvokeAsync<JsonElement>("cook")).GetProperty("dishes_cooked").GetInt64());
        }

        var cookEvent = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        AssertProperties(cookEvent, "request_type", "session");
        Assert.Equal("cook", cookEvent.GetProperty("request_type").GetString());

        var sold = await hub.InvokeAsync<JsonElement>("sell");
        Assert.Equal(15, sold.GetProperty("money_earned").GetInt64());
        var bought = await hub.InvokeAsync<JsonElement>("upgrade_buy", new { id = "1" });
        Assert.Equal(0, bought.GetProperty("session").GetProperty("money").GetInt64());
        var refused = await hub.InvokeAsync<JsonElement>("upgrade_buy", 1);
        Assert.Equal(23, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False((await hub.InvokeAsync<JsonElement>("level_check")).GetProperty("can_level_up").GetBoolean());
        Assert.Equal(27, (await hub.InvokeAsync<JsonElement>("level_up")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(29, (await hub.InvokeAsync<JsonElement>("session_reset")).GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(0, (await hub.InvokeAsync<JsonElement>("passive")).GetProperty("dishes_cooked").GetInt64());
        Assert.Equal(0, Volatile.Read(ref ownPushes));
    }

    [Fact]
    public async Task A_change_on_the_socket_reaches_the_accounts_hub_connection()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();
        await using var hub = host.CreateHubConnection("/hubs/kitchen", player.Token);
        var pushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        hub.On<JsonElement>("session", e => pushed.TrySetResult(e));
        await hub.StartAsync();
        // SignalR answers the handshake before OnConnectedAsync has joined the account's group; an
        // invocation is served only after it, so one read (which pushes nothing) orders the two.
        await hub.InvokeAsync<JsonElement>("level_check");

        await player.RequestAsync("cook");
        var pushedEvent = await pushed.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(1, pushedEvent.GetProperty("session").GetProperty("dishes").GetInt64());
    }

    [Fact]
    public async Task The_hub_refuses_a_connection_without_a_token()
    {
        await using var hub = host.CreateHubConnection("/hubs/kitchen");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Commands_before_any_session_are_refused_on_the_hub()
    {
        var player = await KitchenPlayer.RegisterAsync(host);
        await using var hub = host.CreateHubConnection("/hubs/kitchen", player.Token);
        await hub.StartAsync();
        Assert.Equal(20, (await hub.InvokeAsync<JsonElement>("cook")).GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task The_gateway_runs_kitchen_commands_with_the_ws_data_as_payload()
    {
        var player = await KitchenPlayer.RegisterAsync(host);
        using var socket = await host.ConnectWebSocketAsync("/v1/connect", player.Token);
        await Gateway.RealtimeGatewayTests.ReceiveJsonAsync(socket);

        await Gateway.RealtimeGatewayTests.SendAsync(socket, """{"type":"command","v":1,"request_id":"k0","domain":"kitchen","command":"cook"}""");
        var early = await Gateway.RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal("error", early.GetProperty("type").GetString());
        Assert.Equal("k0", early.GetProperty("request_id").GetString());
        Assert.Equal("kitchen.session.missing", early.GetProperty("code").GetString());

        await Gateway.RealtimeGatewayTests.SendAsync(socket, """{"type":"command","v":1,"request_id":"k1","domain":"kitchen","command":"session","payload":{}}""");
        var opened = await Gateway.RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.True(opened.GetProperty("ok").GetBoolean());
        Assert.Equal(player.AccountId, opened.GetProperty("payload").GetProperty("session").GetProperty("user_id").GetInt64());

        await Gateway.RealtimeGatewayTests.SendAsync(socket, """{"type":"command","v":1,"request_id":"k2","domain":"kitchen","command":"cook","payload":{}}""");
        var cooked = await Gateway.RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal(1, cooked.GetProperty("payload").GetProperty("dishes_cooked").GetInt64());
        Assert.Equal(1, cooked.GetProperty("payload").GetProperty("session").GetProperty("dishes").GetInt64());

        await Gateway.RealtimeGatewayTests.SendAsync(socket, """{"type":"command","v":1,"request_id":"k3","domain":"kitchen","command":"upgrade_buy","payload":{"id":"1"}}""");
        var refused = await Gateway.RealtimeGatewayTests.ReceiveJsonAsync(socket);
        Assert.Equal("error", refused.GetProperty("type").GetString());
        Assert.Equal("kitchen.money.insufficient", refused.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Rest_session_is_the_live_state_in_the_clicker_dialect()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        using var client = host.CreateClient().WithBearer(player.Token);

        var missing = await client.GetAsync("/api/kitchen/session");
        var missingJson = await missing.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertProperties(missingJson, "status", "message");
        Assert.Equal(20, missingJson.GetProperty("status").GetInt32());

        await player.ConnectAsync();
        await player.RequestAsync("cook");
        var response = await client.GetAsync("/api/kitchen/session");
        var json = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertProperties(json, "status", "session");
        Assert.Equal(0, json.GetProperty("status").GetInt32());
        Assert.Equal(1, json.GetProperty("session").GetProperty("dishes").GetInt64());

        using var anonymous = host.CreateClient();
        var refused = await anonymous.GetAsync("/api/kitchen/session");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Equal(2, (await refused.ReadJsonAsync()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_catalog_lists_every_upgrade_rank_and_location()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/api/kitchen/catalog");
        var json = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        AssertProperties(json, "status", "upgrades", "ranks", "locations");
        Assert.Equal(0, json.GetProperty("status").GetInt32());

        var upgrades = json.GetProperty("upgrades").EnumerateArray().ToList();
        Assert.True(upgrades.Count >= 15);
        foreach (var upgrade in upgrades)
        {
            AssertProperties(upgrade, "id", "code", "name", "effect", "effect_per_level", "level", "max_level", "required_rank", "price");
            Assert.Equal(0, upgrade.GetProperty("level").GetInt32());
        }

        Assert.Equal(
            ["auto_cook", "auto_sell", "click_power", "price", "xp"],
            upgrades.Select(u => u.GetProperty("effect").GetString()!).Distinct().Order(StringComparer.Ordinal).ToArray());
        var ranks = json.GetProperty("ranks").EnumerateArray().ToList();
        Assert.True(ranks.Count >= 50);
        AssertProperties(ranks[0], "rank", "xp_required");
        Assert.Equal(JsonValueKind.Null, ranks[^1].GetProperty("xp_required").ValueKind);
        var locations = json.GetProperty("locations").EnumerateArray().ToList();
        Assert.True(locations.Count >= 2);
        AssertProperties(locations[0], "id", "name", "required_rank", "price_multiplier");
    }

    [Fact]
    public async Task The_leaderboard_ranks_by_prestige_then_lifetime_earnings_including_unwritten_changes()
    {
        var players = new List<KitchenPlayer>();
        var prestige = new long[] { 900_001, 900_003, 900_003 };
        var lifetime = new long[] { 10, 5, 7 };
        for (var i = 0; i < 3; i++)
        {
            var player = await KitchenPlayer.RegisterAsync(host);
            var (points, earned) = (prestige[i], lifetime[i]);
            await player.SeedSessionAsync(s => s with { PrestigePoints = points, LifetimeEarnings = earned });
            players.Add(player);
        }

        // A sale the live store may not have written yet moves the second player above the third.
        await using (var second = players[1])
        {
            await second.ConnectAsync();
            await second.RequestAsync("cook");
            Assert.True((await second.RequestAsync("sell")).GetProperty("money_earned").GetInt64() > 2);
        }

        using var client = host.CreateClient();
        var json = await (await client.GetAsync("/api/kitchen/leaderboard?page=1&per_page=3")).ReadJsonAsync();
        AssertProperties(json, "status", "entries", "total", "page", "per_page");
        Assert.Equal(3, json.GetProperty("per_page").GetInt32());
        var entries = json.GetProperty("entries").EnumerateArray().ToList();
        AssertProperties(entries[0], "position", "user_id", "display_name", "prestige", "lifetime_earnings", "rank");
        Assert.Equal([players[1].AccountId, players[2].AccountId, players[0].AccountId], entries.Select(e => e.GetProperty("user_id").GetInt64()).ToArray());
        Assert.Equal([1, 2, 3], entries.Select(e => e.GetProperty("position").GetInt32()).ToArray());
        Assert.All(entries, e => Assert.Equal(JsonValueKind.Null, e.GetProperty("display_name").ValueKind));
    }
}
