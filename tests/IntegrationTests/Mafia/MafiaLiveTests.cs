using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>Live play: the game and notification sockets and hubs, fed by one notifier.</summary>
public sealed class MafiaLiveTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task A_whole_game_over_the_game_socket_delivers_every_event_to_the_right_players()
    {
        var notices = new Dictionary<long, ClientWebSocket>();
        var table = await MafiaTable.StartAsync(host, async ids =>
        {
            foreach (var id in ids)
            {
                notices[id] = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}&user_id={id}");
                await MafiaTable.NextAsync(notices[id], "type", "connected");
            }
        });

        foreach (var (id, socket) in notices)
        {
            // Every member hears each ready, then the start.
            var ready = await MafiaTable.NextAsync(socket, "type", "notification");
            AssertProperties(ready, "type", "notification_type", "data", "timestamp");
            Assert.Equal("lobby_member_ready", ready.GetProperty("notification_type").GetString());
            JsonElement started;
            do
            {
                started = await MafiaTable.NextAsync(socket, "type", "notification");
            }
            while (started.GetProperty("notification_type").GetString() == "lobby_member_ready");

            Assert.Equal("game_started", started.GetProperty("notification_type").GetString());
            Assert.Equal(table.GameId, started.GetProperty("data").GetProperty("game_id").GetString());
            var role = await MafiaTable.NextAsync(socket, "type", "notification");
            Assert.Equal("role_assigned", role.GetProperty("notification_type").GetString());
            Assert.Equal(table.Roles[id], role.GetProperty("data").GetProperty("role").GetString());
            socket.Dispose();
        }

        var sockets = new Dictionary<long, ClientWebSocket>();
        foreach (var id in table.Ids)
        {
            var path = id % 2 == 0 ? $"/ws/games/{table.GameId}?token={host.IssueToken(id)}" : $"/api/game/{table.GameId}/ws?token={host.IssueToken(id)}";
            var socket = await host.ConnectWebSocketAsync(path);
            var connected = await MafiaTable.NextAsync(socket, "type", "connected");
            AssertProperties(connected, "type", "reconnect_token", "timestamp");
            var state = await MafiaTable.NextAsync(socket, "type", "game_state");
            Assert.Equal("night", state.GetProperty("data").GetProperty("phase").GetString());
            var role = await MafiaTable.NextAsync(socket, "event", "role_assigned");
            AssertProperties(role, "event", "game_id", "role", "role_description");
            Assert.Equal(table.Roles[id], role.GetProperty("role").GetString());
            sockets[id] = socket;
        }

        // Ping, a bad frame, and night chat (only the mafia may, and only the mafia hear it).
        await Gateway.RealtimeGatewayTests.SendAsync(sockets[table.Citizens[0]], """{"type":"ping"}""");
        Assert.Equal("pong", (await MafiaTable.NextAsync(sockets[table.Citizens[0]], "type", "pong")).GetProperty("type").GetString());
        await Gateway.RealtimeGatewayTests.SendAsync(sockets[table.Citizens[0]], """{"type":"teleport"}""");
        AssertProperties(await MafiaTable.NextAsync(sockets[table.Citizens[0]], "type", "error"), "type", "detail");
        await Gateway.RealtimeGatewayTests.SendAsync(sockets[table.Citizens[0]], """{"type":"chat","message":"who is it?"}""");
        Assert.Contains("chat", (await MafiaTable.NextAsync(sockets[table.Citizens[0]], "type", "error")).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        await Gateway.RealtimeGatewayTests.SendAsync(sockets[table.Mafia], """{"type":"chat","message":"the detective first"}""");
        var whisper = await MafiaTable.NextAsync(sockets[table.Mafia], "type", "chat");
        AssertProperties(whisper, "type", "from", "message", "timestamp");
        Assert.Equal(table.Mafia.ToString(), whisper.GetProperty("from").GetString());

        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Detective, "action", new { action = "investigate", target_id = table.Mafia.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Mafia, "action", new { action = "kill", target_id = table.Citizens[0].ToString() })).StatusCode);

        // The detective's result comes first, then everyone's night results.
        var result = await MafiaTable.NextAsync(sockets[table.Detective], "event", "investigation_result");
        AssertProperties(result, "event", "target", "is_mafia");
        Assert.True(result.GetProperty("is_mafia").GetBoolean());
        foreach (var socket in sockets.Values)
        {
            var night = await MafiaTable.NextAsync(socket, "event", "night_results");
            AssertProperties(night, "event", "killed", "saved");
            Assert.Equal(table.Citizens[0].ToString(), night.GetProperty("killed").GetString());
        }

        Assert.Equal("killed", (await MafiaTable.NextAsync(sockets[table.Citizens[0]], "event", "eliminated")).GetProperty("reason").GetString());
        Assert.Equal("day", (await MafiaTable.NextAsync(sockets[table.Citizens[1]], "type", "game_state")).GetProperty("data").GetProperty("phase").GetString());

        // The day: living players chat to everyone; the dead only watch.
        await Gateway.RealtimeGatewayTests.SendAsync(sockets[table.Detective], """{"type":"chat","message":"it is the mafia"}""");
        Assert.Equal("it is the mafia", (await MafiaTable.NextAsync(sockets[table.Citizens[0]], "type", "chat")).GetProperty("message").GetString());
        await Gateway.RealtimeGatewayTests.SendAsync(sockets[table.Citizens[1]], """{"type":"emoji","emoji":"🔥"}""");
        Assert.Equal("🔥", (await MafiaTable.NextAsync(sockets[table.Mafia], "type", "emoji")).GetProperty("emoji").GetString());

        var admin = host.AdminId;
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(admin, "advance_phase", null, "admin")).StatusCode);
        var opened = await MafiaTable.NextAsync(sockets[table.Mafia], "event", "voting_started");
        AssertProperties(opened, "event", "session_id", "type", "eligible_targets");
        Assert.Equal(3, opened.GetProperty("eligible_targets").GetArrayLength());

        await table.PostAsync(table.Detective, "vote", new { target_id = table.Mafia.ToString() });
        await table.PostAsync(table.Citizens[1], "vote", new { target_id = table.Mafia.ToString() });
        await table.PostAsync(table.Mafia, "vote", new { target_id = table.Detective.ToString() });

        var results = await MafiaTable.NextAsync(sockets[table.Citizens[1]], "event", "voting_results");
        AssertProperties(results, "event", "eliminated", "vote_counts");
        Assert.Equal(2, results.GetProperty("vote_counts").GetProperty(table.Mafia.ToString()).GetInt32());
        Assert.Equal("voted", (await MafiaTable.NextAsync(sockets[table.Mafia], "event", "eliminated")).GetProperty("reason").GetString());
        foreach (var socket in sockets.Values)
        {
            var ended = await MafiaTable.NextAsync(socket, "event", "game_ended");
            AssertProperties(ended, "event", "winner", "results", "rewards", "reward_note");
            Assert.Equal("citizens", ended.GetProperty("winner").GetString());
            Assert.Equal(4, ended.GetProperty("results").GetProperty("players").GetArrayLength());

            // Four players: the farming guard zeroes the rewards and says why.
            Assert.Equal(0, ended.GetProperty("rewards").GetProperty(table.Detective.ToString()).GetInt64());
            Assert.Equal("No rewards: a game needs at least 5 players to earn tokens.", ended.GetProperty("reward_note").GetString());
        }

        foreach (var socket in sockets.Values)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task The_socket_refuses_strangers_forged_user_ids_and_unknown_games_and_reattaches_with_a_reconnect_token()
    {
        var table = await MafiaTable.StartAsync(host);
        await AssertRefusedAsync($"/ws/games/{table.GameId}?token={host.IssueToken(MafiaTable.NewAccount())}", HttpStatusCode.Forbidden);
        await AssertRefusedAsync($"/ws/games/{table.GameId}?token={host.IssueToken(table.Ids[0])}&user_id={table.Ids[1]}", HttpStatusCode.Forbidden);
        await AssertRefusedAsync($"/ws/games/{table.GameId}", HttpStatusCode.Unauthorized);
        await AssertRefusedAsync($"/ws/games/nothing-here?token={host.IssueToken(table.Ids[0])}", HttpStatusCode.NotFound);
        await AssertRefusedAsync($"/ws/games/{table.GameId}?reconnect_token=forged", HttpStatusCode.Unauthorized);

        string reconnect;
        using (var socket = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(table.Ids[2])}"))
        {
            reconnect = (await MafiaTable.NextAsync(socket, "type", "connected")).GetProperty("reconnect_token").GetString()!;
        }

        using var again = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?reconnect_token={Uri.EscapeDataString(reconnect)}");
        await MafiaTable.NextAsync(again, "type", "connected");
        var state = await MafiaTable.NextAsync(again, "type", "game_state");
        Assert.Equal(table.Roles[table.Ids[2]], state.GetProperty("data").GetProperty("my_role").GetString());

        // An admin watches with the public view.
        using var watcher = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(host.AdminId, "admin")}");
        var watched = await MafiaTable.NextAsync(watcher, "type", "game_state");
        Assert.Equal(JsonValueKind.Null, watched.GetProperty("data").GetProperty("my_role").ValueKind);
    }

    [Fact]
    public async Task A_game_played_over_the_hub_ends_with_the_mafia_winning()
    {
        var table = await MafiaTable.StartAsync(host);
        var hubs = new Dictionary<long, HubConnection>();
        var ended = new Dictionary<long, TaskCompletionSource<JsonElement>>();
        var nights = new Dictionary<long, TaskCompletionSource<JsonElement>>();
        foreach (var id in table.Ids)
        {
            var hub = host.CreateHubConnection("/hubs/game", host.IssueToken(id));
            ended[id] = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            nights[id] = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
            var mine = id;
            hub.On<JsonElement>("game_ended", e => ended[mine].TrySetResult(e));
            hub.On<JsonElement>("night_results", e => nights[mine].TrySetResult(e));
            await hub.StartAsync();
            var state = await hub.InvokeAsync<JsonElement>("JoinGame", table.GameId);
            Assert.Equal("night", state.GetProperty("phase").GetString());
            hubs[id] = hub;
        }

        var error = await Assert.ThrowsAsync<Microsoft.AspNetCore.SignalR.HubException>(() => hubs[table.Citizens[0]].InvokeAsync<JsonElement>("NightAction", table.GameId, "kill", table.Mafia.ToString()));
        Assert.Contains("role", error.Message, StringComparison.OrdinalIgnoreCase);

        await hubs[table.Detective].InvokeAsync<JsonElement>("NightAction", table.GameId, "investigate", table.Citizens[0].ToString());
        await hubs[table.Mafia].InvokeAsync<JsonElement>("NightAction", table.GameId, "kill", table.Detective.ToString());
        var night = await nights[table.Citizens[1]].Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(table.Detective.ToString(), night.GetProperty("killed").GetString());

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        (await admin.PostAsync($"/api/game/{table.GameId}/advance_phase", null)).EnsureSuccessStatusCode();
        await hubs[table.Mafia].InvokeAsync<JsonElement>("Vote", table.GameId, table.Citizens[0].ToString());
        await hubs[table.Citizens[1]].InvokeAsync<JsonElement>("Vote", table.GameId, (string?)null);
        await hubs[table.Citizens[0]].InvokeAsync<JsonElement>("Vote", table.GameId, table.Mafia.ToString());

        // One vote each way and a skip is a tie: nobody leaves, and everyone voted, so night falls at once.
        await hubs[table.Mafia].InvokeAsync<JsonElement>("NightAction", table.GameId, "kill", table.Citizens[0].ToString());
        var over = await ended[table.Citizens[1]].Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal("mafia", over.GetProperty("winner").GetString());
        Assert.Equal(64, over.GetProperty("results").GetProperty("deal_seed").GetString()!.Length);

        foreach (var hub in hubs.Values)
        {
            await hub.DisposeAsync();
        }
    }

    private Task AssertRefusedAsync(string path, HttpStatusCode status) => MafiaTable.AssertUpgradeRefusedAsync(host, path, status);
}
