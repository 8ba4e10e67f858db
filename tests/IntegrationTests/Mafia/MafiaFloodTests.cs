using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Gateway;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>One account cannot flood a game or the lobbies, and a stranger cannot hold up a game.</summary>
public sealed class MafiaFloodTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task A_2000_line_chat_burst_gets_rate_limited_frames_and_a_slow_reader_stays_connected()
    {
        var table = await MafiaTable.StartAsync(host, settings: new { mafia_count = 2 }, players: 6);
        var (talker, listener) = (table.MafiaMembers[0], table.MafiaMembers[1]);
        using var talking = await ConnectAsync(table, talker);
        // The other mafia member hears every line but reads nothing until the burst is over.
        using var slow = await ConnectAsync(table, listener);

        var burst = Enumerable.Range(0, 2000).Select(i => $$"""{"type":"chat","message":"line {{i}}"}""").ToList();
        foreach (var line in burst)
        {
            await RealtimeGatewayTests.SendAsync(talking, line);
        }

        var (heard, limited) = (0, 0);
        JsonElement lastLimit = default;
        while (heard + limited < burst.Count)
        {
            var frame = await RealtimeGatewayTests.ReceiveJsonAsync(talking);
            switch (frame.TryGetProperty("type", out var type) ? type.GetString() : null)
            {
                case "chat":
                    heard++;
                    break;
                case "error":
                    limited++;
                    lastLimit = frame;
                    break;
            }
        }

        Assert.InRange(heard, 1, 20);
        Assert.Equal(burst.Count - heard, limited);
        AssertProperties(lastLimit, "type", "detail", "code", "retry_after_ms");
        Assert.Equal("rate_limited", lastLimit.GetProperty("code").GetString());
        Assert.InRange(lastLimit.GetProperty("retry_after_ms").GetInt64(), 1, 60_000);

        // The slow reader lost nothing it was owed and is still connected.
        var lines = 0;
        await RealtimeGatewayTests.SendAsync(slow, """{"type":"ping"}""");
        while (true)
        {
            var frame = await RealtimeGatewayTests.ReceiveJsonAsync(slow);
            var type = frame.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (type == "pong")
            {
                break;
            }

            lines += type == "chat" ? 1 : 0;
        }

        Assert.Equal(heard, lines);
        Assert.Equal(WebSocketState.Open, slow.State);
    }

    [Fact]
    public async Task Two_hundred_parallel_votes_by_a_stranger_are_all_403_and_the_players_still_play()
    {
        var table = await MafiaTable.StartAsync(host);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(host.AdminId, "advance_phase", null, "admin")).StatusCode);
        var stranger = MafiaTable.NewAccount();
        using var client = host.CreateClientFor(stranger);

        var votes = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ =>
            client.PostAsync($"/api/game/{table.GameId}/vote", Body(new { target_id = table.Mafia.ToString() }))));

        Assert.All(votes, v => Assert.Equal(HttpStatusCode.Forbidden, v.StatusCode));
        AssertProperties(await votes[0].ReadJsonAsync(), "detail");
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/game/{Guid.NewGuid()}/vote", Body(new { target_id = "1" }))).StatusCode);

        // Day still: a player's own vote goes through at once.
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(host.AdminId, "advance_phase", null, "admin")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(table.Citizens[0], "vote", new { target_id = table.Mafia.ToString() })).StatusCode);
    }

    [Fact]
    public async Task A_flood_of_lobby_calls_from_one_account_is_429_with_retry_after()
    {
        using var client = host.CreateClientFor(MafiaTable.NewAccount());
        HttpResponseMessage? limited = null;
        for (var i = 0; i < 40 && limited is null; i++)
        {
            var response = await client.PostAsync("/api/matchmaking/lobby/join/NOSUCH" + i, null);
            if (response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                limited = response;
            }
            else
            {
                Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            }
        }

        Assert.NotNull(limited);
        Assert.True(limited.Headers.Contains("Retry-After"));
        AssertProperties(await limited.ReadJsonAsync(), "detail");
    }

    private async Task<ClientWebSocket> ConnectAsync(MafiaTable table, long player)
    {
        var socket = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(player)}");
        Assert.Equal("connected", (await RealtimeGatewayTests.ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        Assert.Equal("game_state", (await RealtimeGatewayTests.ReceiveJsonAsync(socket)).GetProperty("type").GetString());
        await MafiaTable.NextAsync(socket, "event", "role_assigned");
        return socket;
    }
}
