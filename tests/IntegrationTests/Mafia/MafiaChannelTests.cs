using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Gateway;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>
/// Who hears what on the game socket (the mafia's night talk, the detective's result, a victim's
/// notice), the chat and emoji rules, bad frames, and the notification channels' refusals and hub.
/// </summary>
public sealed class MafiaChannelTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Private_events_and_night_talk_reach_only_their_owners_and_bad_frames_leave_the_socket_open()
    {
        var table = await MafiaTable.StartAsync(host, players: 5);
        var (mafia, doctor, detective, citizens) = (table.Mafia, table.Doctor, table.Detective, table.Citizens);
        var sockets = new Dictionary<long, ClientWebSocket>();
        foreach (var id in table.Ids)
        {
            sockets[id] = await ConnectAsync(table, host.IssueToken(id));
        }

        using var watcher = await ConnectAsync(table, host.IssueToken(host.AdminId, "admin"));
        var everyone = sockets.Values.Append(watcher).ToArray();

        // Night: the mafia talk among themselves; nobody else hears it, or may talk.
        await RealtimeGatewayTests.SendAsync(sockets[mafia], """{"type":"chat","message":"the detective first"}""");
        Assert.Equal("the detective first", (await MafiaTable.NextAsync(sockets[mafia], "type", "chat")).GetProperty("message").GetString());
        await RealtimeGatewayTests.SendAsync(sockets[mafia], """{"type":"emoji","emoji":"🔪"}""");
        Assert.Equal("🔪", (await MafiaTable.NextAsync(sockets[mafia], "type", "emoji")).GetProperty("emoji").GetString());
        foreach (var socket in everyone.Where(s => s != sockets[mafia]))
        {
            Assert.DoesNotContain(await FramesUntilPongAsync(socket), f => Type(f) is "chat" or "emoji");
        }

        await AssertErrorAsync(sockets[citizens[0]], """{"type":"emoji","emoji":"🔥"}""", "You cannot chat now.");
        await AssertErrorAsync(sockets[doctor], """{"type":"chat","message":"psst"}""", "You cannot chat now.");

        // Bad frames: an error each, and the socket stays open.
        await AssertErrorAsync(sockets[mafia], "{not json", null);
        await AssertErrorAsync(sockets[mafia], """{"type":"chat"}""", null);
        await AssertErrorAsync(sockets[mafia], """{"message":"no type"}""", null);
        await AssertErrorAsync(sockets[mafia], $$"""{"type":"chat","message":"{{new string('x', 501)}}"}""", null);
        await AssertErrorAsync(sockets[mafia], """{"type":"emoji"}""", null);
        await AssertErrorAsync(sockets[mafia], """{"type":"emoji","emoji":""}""", null);
        await AssertErrorAsync(sockets[mafia], """{"type":"emoji","emoji":"8000003 is it"}""", null);
        await AssertErrorAsync(sockets[mafia], """{"type":"emoji","emoji":"🔥🔥🔥🔥🔥🔥🔥🔥🔥"}""", null);
        await sockets[mafia].SendAsync(new byte[] { 1, 2, 3 }, WebSocketMessageType.Binary, true, CancellationToken.None);
        Assert.Equal("Frames must be JSON text.", (await MafiaTable.NextAsync(sockets[mafia], "type", "error")).GetProperty("detail").GetString());
        await RealtimeGatewayTests.SendAsync(sockets[mafia], $$"""{"type":"chat","message":"{{new string('x', 500)}}"}""");
        Assert.Equal(500, (await MafiaTable.NextAsync(sockets[mafia], "type", "chat")).GetProperty("message").GetString()!.Length);

        // The night's private results.
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(detective, "action", new { action = "investigate", target_id = mafia.ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(doctor, "action", new { action = "heal", target_id = citizens[1].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia, "action", new { action = "kill", target_id = citizens[0].ToString() })).StatusCode);
        foreach (var (id, socket) in sockets)
        {
            var frames = await FramesUntilPongAsync(socket);
            Assert.Single(frames, f => Event(f) == "night_results");
            Assert.Equal(id == detective ? 1 : 0, frames.Count(f => Event(f) == "investigation_result"));
            Assert.Equal(id == citizens[0] ? 1 : 0, frames.Count(f => Event(f) == "eliminated"));
        }

        var watched = await FramesUntilPongAsync(watcher);
        Assert.Single(watched, f => Event(f) == "night_results");
        Assert.DoesNotContain(watched, f => Event(f) is "investigation_result" or "eliminated");

        // Day: the dead watch in silence; the living are heard by everyone, the dead and the admin included.
        await AssertErrorAsync(sockets[citizens[0]], """{"type":"chat","message":"it was the mafia"}""", "You cannot chat now.");
        await AssertErrorAsync(sockets[citizens[0]], """{"type":"emoji","emoji":"👻"}""", "You cannot chat now.");
        await RealtimeGatewayTests.SendAsync(sockets[citizens[1]], """{"type":"emoji","emoji":"👍🏽"}""");
        foreach (var socket in everyone)
        {
            var emoji = await MafiaTable.NextAsync(socket, "type", "emoji");
            AssertProperties(emoji, "type", "from", "emoji", "timestamp");
            Assert.Equal(citizens[1].ToString(), emoji.GetProperty("from").GetString());
        }

        // A frame over 64 KiB closes that socket alone (1009).
        await RealtimeGatewayTests.SendAsync(sockets[doctor], $$"""{"type":"chat","message":"{{new string('x', 70 * 1024)}}"}""");
        await AssertClosedAsync(sockets[doctor], WebSocketCloseStatus.MessageTooBig);
        await FramesUntilPongAsync(sockets[mafia]);

        foreach (var socket in everyone)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task Chat_goes_out_with_markup_escaped_and_letters_readable_on_the_hub_and_the_socket()
    {
        var table = await MafiaTable.StartAsync(host);
        using var hub = await RawHubClient.ConnectAsync(host, "/hubs/game", host.IssueToken(table.Mafia));
        await hub.InvokeAsync("JoinGame", table.GameId);
        using var socket = await ConnectAsync(table, host.IssueToken(table.Mafia));

        // Night: the mafia hear their own line, on both transports.
        const string line = "Игрок <script>alert('x')</script> & co";
        await hub.InvokeAsync("Chat", table.GameId, line);
        var fromHub = await hub.NextEventAsync("chat");
        string fromSocket;
        do
        {
            fromSocket = await RealtimeGatewayTests.ReceiveTextAsync(socket);
        }
        while (Type(JsonDocument.Parse(fromSocket).RootElement) != "chat");

        foreach (var raw in new[] { fromHub, fromSocket })
        {
            Assert.Contains(@"""message"":""Игрок \u003Cscript\u003Ealert(\u0027x\u0027)\u003C/script\u003E \u0026 co""", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
        }

        Assert.Equal(line, JsonDocument.Parse(fromHub).RootElement.GetProperty("arguments")[0].GetProperty("message").GetString());
        Assert.Equal(line, JsonDocument.Parse(fromSocket).RootElement.GetProperty("message").GetString());
    }

    [Fact]
    public async Task The_notification_socket_refuses_a_missing_token_and_a_forged_user_id()
    {
        var id = MafiaTable.NewAccount();
        await AssertRefusedAsync("/ws/notifications", HttpStatusCode.Unauthorized);
        await AssertRefusedAsync($"/ws/notifications?user_id={id}", HttpStatusCode.Unauthorized);
        await AssertRefusedAsync($"/ws/notifications?token={host.IssueToken(id)}&user_id={id + 1}", HttpStatusCode.Forbidden);

        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}");
        await RealtimeGatewayTests.SendAsync(socket, """{"type":"ping"}""");
        Assert.Equal("pong", (await MafiaTable.NextAsync(socket, "type", "pong")).GetProperty("type").GetString());
        await RealtimeGatewayTests.SendAsync(socket, """{"type":"chat","message":"hi"}""");
        AssertProperties(await MafiaTable.NextAsync(socket, "type", "error"), "type", "detail");
    }

    [Fact]
    public async Task The_notification_socket_opens_with_connected_and_reopens_with_its_reconnect_token_alone()
    {
        var id = MafiaTable.NewAccount();
        string reconnect;
        using (var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}&user_id={id}"))
        {
            // The first frame comes unasked, as on the game socket.
            var connected = await RealtimeGatewayTests.ReceiveJsonAsync(socket);
            AssertProperties(connected, "type", "reconnect_token", "timestamp");
            Assert.Equal("connected", connected.GetProperty("type").GetString());
            reconnect = Uri.EscapeDataString(connected.GetProperty("reconnect_token").GetString()!);
        }

        // No JWT: the token reopens this account's notifications, and hears them.
        using var again = await host.ConnectWebSocketAsync($"/ws/notifications?reconnect_token={reconnect}&user_id={id}");
        Assert.Equal("connected", (await RealtimeGatewayTests.ReceiveJsonAsync(again)).GetProperty("type").GetString());
        using (var owner = host.CreateClientFor(id))
        using (var member = host.CreateClientFor(MafiaTable.NewAccount()))
        {
            var code = (await (await owner.PostAsync("/api/matchmaking/lobby/create", null)).ReadJsonAsync()).GetProperty("invite_code").GetString();
            (await member.PostAsync("/api/matchmaking/lobby/join/" + code, null)).EnsureSuccessStatusCode();
        }

        var joined = await RealtimeGatewayTests.ReceiveJsonAsync(again);
        Assert.Equal("lobby_member_joined", joined.GetProperty("notification_type").GetString());

        // It reopens nothing else: not another account's, not a game socket; a game's token does not reopen notifications.
        await AssertRefusedAsync($"/ws/notifications?reconnect_token={reconnect}&user_id={id + 1}", HttpStatusCode.Forbidden);
        await AssertRefusedAsync("/ws/notifications?reconnect_token=forged", HttpStatusCode.Unauthorized);
        var table = await MafiaTable.StartAsync(host);
        await AssertRefusedAsync($"/ws/games/{table.GameId}?reconnect_token={reconnect}", HttpStatusCode.Unauthorized);
        using var game = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(table.Ids[0])}");
        var gameToken = Uri.EscapeDataString((await MafiaTable.NextAsync(game, "type", "connected")).GetProperty("reconnect_token").GetString()!);
        await AssertRefusedAsync($"/ws/notifications?reconnect_token={gameToken}", HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_notifications_hub_tells_each_player_the_game_started_and_their_role()
    {
        var hubs = new Dictionary<long, HubConnection>();
        var roles = new Dictionary<long, TaskCompletionSource<JsonElement>>();
        var started = new Dictionary<long, TaskCompletionSource<JsonElement>>();
        var table = await MafiaTable.StartAsync(host, async ids =>
        {
            foreach (var id in ids)
            {
                var hub = host.CreateHubConnection("/hubs/notifications", host.IssueToken(id));
                var (role, start) = (new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
                hub.On<JsonElement>("notification", n =>
                {
                    _ = n.GetProperty("notification_type").GetString() switch
                    {
                        "role_assigned" => role.TrySetResult(n),
                        "game_started" => start.TrySetResult(n),
                        _ => false,
                    };
                });
                await hub.StartAsync();
                (hubs[id], roles[id], started[id]) = (hub, role, start);
            }
        });

        foreach (var id in table.Ids)
        {
            var start = await started[id].Task.WaitAsync(TimeSpan.FromSeconds(10));
            AssertProperties(start, "notification_type", "data", "timestamp");
            Assert.Equal(table.GameId, start.GetProperty("data").GetProperty("game_id").GetString());
            var role = (await roles[id].Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("data");
            AssertProperties(role, "game_id", "role", "role_description");
            Assert.Equal(table.Roles[id], role.GetProperty("role").GetString());
            await hubs[id].DisposeAsync();
        }
    }

    [Fact]
    public async Task A_game_over_the_hub_with_chat_and_emoji_ends_with_the_citizens_winning()
    {
        var table = await MafiaTable.StartAsync(host);
        var hubs = new Dictionary<long, HubConnection>();
        var chats = new Dictionary<long, List<JsonElement>>();
        var voting = new Dictionary<long, TaskCompletionSource<JsonElement>>();
        var ended = new Dictionary<long, TaskCompletionSource<JsonElement>>();
        foreach (var id in table.Ids)
        {
            var hub = host.CreateHubConnection("/hubs/game", host.IssueToken(id));
            var (heard, opened, over) = (new List<JsonElement>(), new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously), new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously));
            hub.On<JsonElement>("chat", c => { lock (heard) { heard.Add(c); } });
            hub.On<JsonElement>("emoji", e => { lock (heard) { heard.Add(e); } });
            hub.On<JsonElement>("voting_started", v => opened.TrySetResult(v));
            hub.On<JsonElement>("game_ended", e => over.TrySetResult(e));
            await hub.StartAsync();
            await hub.InvokeAsync<JsonElement>("JoinGame", table.GameId);
            (hubs[id], chats[id], voting[id], ended[id]) = (hub, heard, opened, over);
        }

        var (mafia, detective, citizens) = (table.Mafia, table.Detective, table.Citizens);
        var refused = await Assert.ThrowsAsync<HubException>(() => hubs[detective].InvokeAsync<JsonElement>("Chat", table.GameId, "I know"));
        Assert.Contains("You cannot chat now.", refused.Message, StringComparison.Ordinal);
        await hubs[detective].InvokeAsync<JsonElement>("NightAction", table.GameId, "investigate", mafia.ToString());
        await hubs[mafia].InvokeAsync<JsonElement>("NightAction", table.GameId, "kill", citizens[0].ToString());

        await hubs[detective].InvokeAsync<JsonElement>("Chat", table.GameId, "it is the mafia");
        await hubs[citizens[1]].InvokeAsync<JsonElement>("Emoji", table.GameId, "👀");
        var notEmoji = await Assert.ThrowsAsync<HubException>(() => hubs[citizens[1]].InvokeAsync<JsonElement>("Emoji", table.GameId, "yes"));
        Assert.Contains("emoji", notEmoji.Message, StringComparison.Ordinal);
        using (var admin = host.CreateClientFor(host.AdminId, "admin"))
        {
            (await admin.PostAsync($"/api/game/{table.GameId}/advance_phase", null)).EnsureSuccessStatusCode();
        }

        foreach (var id in table.Ids)
        {
            var opened = await voting[id].Task.WaitAsync(TimeSpan.FromSeconds(10));
            AssertProperties(opened, "session_id", "type", "eligible_targets");
            Assert.Equal(3, opened.GetProperty("eligible_targets").GetArrayLength());
        }

        await hubs[detective].InvokeAsync<JsonElement>("Vote", table.GameId, mafia.ToString());
        await hubs[citizens[1]].InvokeAsync<JsonElement>("Vote", table.GameId, mafia.ToString());
        await hubs[mafia].InvokeAsync<JsonElement>("Vote", table.GameId, detective.ToString());

        foreach (var id in table.Ids)
        {
            var over = await ended[id].Task.WaitAsync(TimeSpan.FromSeconds(10));
            Assert.Equal("citizens", over.GetProperty("winner").GetString());
            lock (chats[id])
            {
                // The day's chat line and emoji reached every player, the dead one included.
                Assert.Contains(chats[id], c => c.TryGetProperty("message", out var m) && m.GetString() == "it is the mafia");
                Assert.Contains(chats[id], c => c.TryGetProperty("emoji", out var e) && e.GetString() == "👀");
            }

            await hubs[id].DisposeAsync();
        }
    }

    [Fact]
    public async Task A_game_over_rest_and_the_game_socket_ends_with_the_mafia_winning()
    {
        var table = await MafiaTable.StartAsync(host);
        var sockets = new Dictionary<long, ClientWebSocket>();
        foreach (var id in table.Ids)
        {
            sockets[id] = await ConnectAsync(table, host.IssueToken(id));
        }

        var (mafia, detective, citizens) = (table.Mafia, table.Detective, table.Citizens);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(detective, "action", new { action = "investigate", target_id = citizens[0].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia, "action", new { action = "kill", target_id = detective.ToString() })).StatusCode);
        var admin = host.AdminId;
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(admin, "advance_phase", null, "admin")).StatusCode);

        // Voting: the citizens suspect each other and one of them leaves; the mafia then equal the rest.
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(citizens[0], "vote", new { target_id = citizens[1].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(mafia, "vote", new { target_id = citizens[1].ToString() })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(citizens[1], "vote", new { target_id = citizens[0].ToString() })).StatusCode);

        foreach (var (id, socket) in sockets)
        {
            var frames = await FramesUntilPongAsync(socket);
            var results = Assert.Single(frames, f => Event(f) == "voting_results");
            Assert.Equal(citizens[1].ToString(), results.GetProperty("eliminated").GetString());
            var over = Assert.Single(frames, f => Event(f) == "game_ended");
            Assert.Equal("mafia", over.GetProperty("winner").GetString());
            var players = over.GetProperty("results").GetProperty("players").EnumerateArray().ToArray();
            Assert.Equal(4, players.Length);
            Assert.All(players, p => AssertProperties(p, "user_id", "role", "alive", "death_reason", "won"));
            Assert.True(players.Single(p => p.GetProperty("user_id").GetString() == mafia.ToString()).GetProperty("won").GetBoolean());
            Assert.False(players.Single(p => p.GetProperty("user_id").GetString() == citizens[0].ToString()).GetProperty("won").GetBoolean());
            var final = frames.Last(f => Type(f) == "game_state").GetProperty("data");
            Assert.Equal("ended", final.GetProperty("phase").GetString());
            Assert.Equal("mafia", final.GetProperty("winner").GetString());
            // mafia_players is the mafia's own list, even once roles are public.
            if (id == mafia)
            {
                Assert.Equal(new[] { mafia.ToString() }, final.GetProperty("mafia_players").EnumerateArray().Select(p => p.GetString()));
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, final.GetProperty("mafia_players").ValueKind);
            }

            // Each victim alone heard why they left: the detective at night, the citizen by the vote.
            var reasons = frames.Where(f => Event(f) == "eliminated").Select(f => f.GetProperty("reason").GetString());
            Assert.Equal(id == detective ? ["killed"] : id == citizens[1] ? ["voted"] : Array.Empty<string>(), reasons);
            socket.Dispose();
        }
    }

    private async Task<ClientWebSocket> ConnectAsync(MafiaTable table, string token)
    {
        var socket = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={token}");
        Assert.Equal("connected", (await RealtimeGatewayTests.ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        Assert.Equal("game_state", (await RealtimeGatewayTests.ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        return socket;
    }

    private static string? Type(JsonElement frame) => frame.TryGetProperty("type", out var name) ? name.GetString() : null;

    private static string? Event(JsonElement frame) => frame.TryGetProperty("event", out var name) ? name.GetString() : null;

    /// <summary>Every frame that arrives before the answer to a ping sent now: what the socket was sent so far.</summary>
    private static async Task<List<JsonElement>> FramesUntilPongAsync(ClientWebSocket socket)
    {
        await RealtimeGatewayTests.SendAsync(socket, """{"type":"ping"}""");
        var frames = new List<JsonElement>();
        while (true)
        {
            var frame = await RealtimeGatewayTests.ReceiveJsonAsync(socket);
            if (frame.TryGetProperty("type", out var type) && type.GetString() == "pong")
            {
                return frames;
            }

            frames.Add(frame);
        }
    }

    private static async Task AssertErrorAsync(ClientWebSocket socket, string frame, string? detail)
    {
        await RealtimeGatewayTests.SendAsync(socket, frame);
        var error = await MafiaTable.NextAsync(socket, "type", "error");
        AssertProperties(error, "type", "detail");
        if (detail is not null)
        {
            Assert.Equal(detail, error.GetProperty("detail").GetString());
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(error.GetProperty("detail").GetString()));
        }
    }

    private static async Task AssertClosedAsync(ClientWebSocket socket, WebSocketCloseStatus status)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var buffer = new byte[64 * 1024];
        while ((await socket.ReceiveAsync(buffer, timeout.Token)).MessageType != WebSocketMessageType.Close)
        {
        }

        Assert.Equal(status, socket.CloseStatus);
    }

    private Task AssertRefusedAsync(string path, HttpStatusCode status) => MafiaTable.AssertUpgradeRefusedAsync(host, path, status);
}
