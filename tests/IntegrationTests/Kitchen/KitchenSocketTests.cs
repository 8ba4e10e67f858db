using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Kitchen;

/// <summary>Seed 001 <c>/ws</c>: the request/response protocol and the game played through it.</summary>
public sealed class KitchenSocketTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Session_answers_with_the_seed_state_shape_and_the_accounts_email()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        var data = await player.ConnectAsync();

        AssertProperties(data, "session", "away");
        Assert.Equal(JsonValueKind.Null, data.GetProperty("away").ValueKind);
        var session = data.GetProperty("session");
        AssertProperties(session, "user_id", "user_email", "money", "dishes", "level", "prestige", "upgrades", "location", "tutorial", "stats", "revision");
        Assert.Equal(player.AccountId, session.GetProperty("user_id").GetInt64());
        Assert.Equal(player.Email, session.GetProperty("user_email").GetString());
        Assert.Equal(0, session.GetProperty("money").GetInt64());
        Assert.Equal(0, session.GetProperty("dishes").GetInt64());
        AssertProperties(session.GetProperty("level"), "rank", "xp", "xp_required", "top_rank");
        Assert.Equal(1, session.GetProperty("level").GetProperty("rank").GetInt32());
        Assert.Equal(0, session.GetProperty("level").GetProperty("xp").GetDouble());
        AssertProperties(session.GetProperty("prestige"), "current_value", "current_boost_value", "accumulated_value", "can_reset", "run_earnings", "reset_threshold", "lifetime_earnings");
        AssertProperties(session.GetProperty("upgrades"), "available", "current");
        Assert.Empty(session.GetProperty("upgrades").GetProperty("current").EnumerateArray());
        var knife = session.GetProperty("upgrades").GetProperty("available").EnumerateArray().First();
        AssertProperties(knife, "id", "code", "name", "effect", "effect_per_level", "level", "max_level", "required_rank", "price");
        AssertProperties(session.GetProperty("location"), "id", "name", "required_rank", "price_multiplier");
        AssertProperties(session.GetProperty("tutorial"), "step", "action", "steps", "completed");
        AssertProperties(session.GetProperty("stats"), "cook_power", "dish_price", "xp_per_cook", "auto_cook_per_second", "auto_sell_per_second");
        Assert.Equal("1", knife.GetProperty("id").GetString());
        Assert.Equal(0, knife.GetProperty("level").GetInt32());
        Assert.Equal(15, knife.GetProperty("price").GetInt64());
        Assert.Equal("cook", session.GetProperty("tutorial").GetProperty("action").GetString());
    }

    [Fact]
    public async Task The_seed_flow_cook_sell_buy_level_check_and_level_up()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();

        var cooked = await player.RequestAsync("cook");
        AssertProperties(cooked, "session", "dishes_cooked", "xp_gained");
        Assert.Equal(1, cooked.GetProperty("dishes_cooked").GetInt64());
        Assert.Equal(1, cooked.GetProperty("xp_gained").GetDouble());
        Assert.Equal(1, cooked.GetProperty("session").GetProperty("dishes").GetInt64());

        await player.CookAsync(9);
        var sold = await player.RequestAsync("sell");
        AssertProperties(sold, "session", "dishes_sold", "money_earned");
        Assert.Equal(10, sold.GetProperty("dishes_sold").GetInt64());
        Assert.Equal(50, sold.GetProperty("money_earned").GetInt64());
        Assert.Equal(50, sold.GetProperty("session").GetProperty("money").GetInt64());
        Assert.Equal(0, sold.GetProperty("session").GetProperty("dishes").GetInt64());

        var bought = await player.RequestAsync("upgrade_buy", new { id = "1" });
        AssertProperties(bought, "session", "upgrade", "money_spent");
        Assert.Equal(15, bought.GetProperty("money_spent").GetInt64());
        Assert.Equal(35, bought.GetProperty("session").GetProperty("money").GetInt64());
        Assert.Equal(1, bought.GetProperty("upgrade").GetProperty("level").GetInt32());
        Assert.Equal(17, bought.GetProperty("upgrade").GetProperty("price").GetInt64());
        Assert.Equal("1", bought.GetProperty("session").GetProperty("upgrades").GetProperty("current")[0].GetProperty("id").GetString());

        // A number is accepted as the id too.
        var second = await player.RequestAsync("upgrade_buy", new { id = 1 });
        Assert.Equal(2, second.GetProperty("upgrade").GetProperty("level").GetInt32());
        Assert.Equal(3, (await player.RequestAsync("cook")).GetProperty("dishes_cooked").GetInt64());

        var check = await player.RequestAsync("level_check");
        AssertProperties(check, "session", "rank", "xp", "xp_required", "xp_remaining", "can_level_up");
        Assert.Equal(1, check.GetProperty("rank").GetInt32());
        Assert.Equal(11, check.GetProperty("xp").GetDouble());
        Assert.Equal(10, check.GetProperty("xp_required").GetDouble());
        Assert.True(check.GetProperty("can_level_up").GetBoolean());

        var up = await player.RequestAsync("level_up");
        AssertProperties(up, "session", "previous_rank", "rank", "unlocked_upgrades", "unlocked_location");
        Assert.Equal(2, up.GetProperty("rank").GetInt32());
        Assert.Equal(2, up.GetProperty("session").GetProperty("level").GetProperty("rank").GetInt32());
        Assert.Equal(1, up.GetProperty("session").GetProperty("level").GetProperty("xp").GetDouble());
        Assert.Contains("6", up.GetProperty("unlocked_upgrades").EnumerateArray().Select(e => e.GetString()));
        Assert.True(up.GetProperty("session").GetProperty("tutorial").GetProperty("completed").GetBoolean());
    }

    [Fact]
    public async Task Passive_credits_automation_for_the_time_elapsed_on_the_server_clock_once()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.SeedSessionAsync(s => s with { Rank = 5, UpgradeLevels = new Dictionary<string, int> { ["10"] = 3, ["13"] = 1 } });
        await player.ConnectAsync();

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        var passive = await player.RequestAsync("passive");
        AssertProperties(passive, "session", "seconds", "credited_seconds", "dishes_cooked", "dishes_sold", "money_earned");
        Assert.Equal(10, passive.GetProperty("seconds").GetInt64());
        Assert.Equal(30, passive.GetProperty("dishes_cooked").GetInt64());
        Assert.Equal(20, passive.GetProperty("dishes_sold").GetInt64());
        // Food truck (rank 5) sells at 5 × 1.5 = 7.5 coins a dish.
        Assert.Equal(150, passive.GetProperty("money_earned").GetInt64());
        Assert.Equal(10, passive.GetProperty("session").GetProperty("dishes").GetInt64());

        var again = await player.RequestAsync("passive");
        Assert.Equal(0, again.GetProperty("dishes_cooked").GetInt64());
        Assert.Equal(0, again.GetProperty("money_earned").GetInt64());
    }

    [Fact]
    public async Task Session_after_an_absence_carries_the_away_receipt_capped_at_the_offline_limit()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        var now = host.Clock.GetUtcNow();
        await player.SeedSessionAsync(s => s with { UpgradeLevels = new Dictionary<string, int> { ["10"] = 1 }, LastAccountedAt = now.AddHours(-10) });

        var data = await player.ConnectAsync();
        var away = data.GetProperty("away");
        AssertProperties(away, "seconds", "credited_seconds", "dishes_cooked", "dishes_sold", "money_earned");
        Assert.Equal(36_000, away.GetProperty("seconds").GetInt64());
        Assert.Equal(8 * 3600, away.GetProperty("credited_seconds").GetInt64());
        Assert.Equal(8 * 3600, away.GetProperty("dishes_cooked").GetInt64());
        Assert.Equal(8 * 3600, data.GetProperty("session").GetProperty("dishes").GetInt64());
    }

    [Fact]
    public async Task Session_reset_converts_the_runs_earnings_into_prestige_and_starts_over()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.SeedSessionAsync(s => s with
        {
            Money = 5_000, Dishes = 7, Rank = 9, RunEarnings = 4_000_000, LifetimeEarnings = 4_000_000,
            UpgradeLevels = new Dictionary<string, int> { ["1"] = 4 },
        });
        var opened = await player.ConnectAsync();
        Assert.True(opened.GetProperty("session").GetProperty("prestige").GetProperty("can_reset").GetBoolean());
        Assert.Equal(20, opened.GetProperty("session").GetProperty("prestige").GetProperty("accumulated_value").GetInt64());

        var reset = await player.RequestAsync("session_reset");
        AssertProperties(reset, "session", "prestige_gained", "run_earnings");
        Assert.Equal(20, reset.GetProperty("prestige_gained").GetInt64());
        var session = reset.GetProperty("session");
        Assert.Equal(0, session.GetProperty("money").GetInt64());
        Assert.Equal(0, session.GetProperty("dishes").GetInt64());
        Assert.Equal(1, session.GetProperty("level").GetProperty("rank").GetInt32());
        Assert.Empty(session.GetProperty("upgrades").GetProperty("current").EnumerateArray());
        Assert.Equal(20, session.GetProperty("prestige").GetProperty("current_value").GetInt64());
        Assert.Equal(0.4, session.GetProperty("prestige").GetProperty("current_boost_value").GetDouble(), 6);
        Assert.Equal(4_000_000, session.GetProperty("prestige").GetProperty("lifetime_earnings").GetInt64());

        // The boost raises the dish price: 5 × 1.4 = 7 coins.
        await player.CookAsync(1);
        Assert.Equal(7, (await player.RequestAsync("sell")).GetProperty("money_earned").GetInt64());
    }

    public static TheoryData<string, object?, int> Refusals => new()
    {
        { "upgrade_buy", new { id = "999" }, 26 },
        { "upgrade_buy", new { id = "1" }, 23 },
        { "upgrade_buy", new { id = "4" }, 24 },
        { "upgrade_buy", new { }, 26 },
        { "upgrade_buy", new { id = "knife-" + new string('x', 80) }, 26 },
        { "upgrade_buy", new { id = new[] { 1 } }, 1 },
        { "level_up", null, 27 },
        { "session_reset", null, 29 },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task Every_refusal_is_an_error_response_that_changes_nothing(string requestType, object? data, int code)
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        var before = (await player.ConnectAsync()).GetProperty("session");

        var refused = await player.RequestAsync(requestType, data);
        AssertProperties(refused, "error");
        AssertProperties(refused.GetProperty("error"), "code", "message");
        Assert.Equal(code, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.False(string.IsNullOrWhiteSpace(refused.GetProperty("error").GetProperty("message").GetString()));

        var after = (await player.RequestAsync("level_check")).GetProperty("session");
        Assert.Equal(before.ToString(), after.ToString());
    }

    [Fact]
    public async Task A_maxed_upgrade_cannot_be_bought()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.SeedSessionAsync(s => s with { Money = 1_000_000, UpgradeLevels = new Dictionary<string, int> { ["1"] = 25 } });
        await player.ConnectAsync();
        var refused = await player.RequestAsync("upgrade_buy", new { id = "1" });
        Assert.Equal(25, refused.GetProperty("error").GetProperty("code").GetInt32());
        Assert.Equal(1_000_000, (await player.RequestAsync("level_check")).GetProperty("session").GetProperty("money").GetInt64());
    }

    [Fact]
    public async Task Cooks_over_the_per_second_limit_are_refused_and_not_counted()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();
        var codes = new List<int>();
        for (var i = 0; i < 25; i++)
        {
            var cooked = await player.RequestAsync("cook");
            codes.Add(cooked.TryGetProperty("error", out var error) ? error.GetProperty("code").GetInt32() : 0);
        }

        Assert.Equal(20, codes.Count(c => c == 0));
        Assert.Equal(5, codes.Count(c => c == 30));
        Assert.Equal(20, (await player.RequestAsync("level_check")).GetProperty("session").GetProperty("dishes").GetInt64());

        host.Clock.Advance(TimeSpan.FromSeconds(1));
        Assert.False((await player.RequestAsync("cook")).TryGetProperty("error", out _));
    }

    [Fact]
    public async Task Requests_before_session_are_refused_and_session_then_works()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        using var socket = await host.ConnectWebSocketAsync("/ws");
        await KitchenPlayer.SendTextAsync(socket, """{"message_type":"request","request_id":"a1","request_type":"cook","data":{"token":"x"}}""");
        var refused = await KitchenPlayer.ReceiveResponseAsync(socket);
        Assert.Equal("a1", refused.GetProperty("request_id").GetString());
        Assert.Equal(21, refused.GetProperty("data").GetProperty("error").GetProperty("code").GetInt32());

        await KitchenPlayer.SendTextAsync(socket, """{"message_type":"request","request_id":"a2","request_type":"session","data":{"token":""" + "\"" + player.Token + "\"}}");
        var opened = await KitchenPlayer.ReceiveResponseAsync(socket);
        Assert.Equal(player.AccountId, opened.GetProperty("data").GetProperty("session").GetProperty("user_id").GetInt64());
    }

    [Theory]
    [InlineData("""{"message_type":"request","request_id":"s1","request_type":"session","data":{}}""", "s1")]
    [InlineData("""{"message_type":"request","request_id":"s2","request_type":"session","data":{"token":"forged.token.value"}}""", "s2")]
    public async Task Session_without_a_valid_token_is_refused_with_code_2(string frame, string requestId)
    {
        using var socket = await host.ConnectWebSocketAsync("/ws");
        await KitchenPlayer.SendTextAsync(socket, frame);
        var refused = await KitchenPlayer.ReceiveResponseAsync(socket);
        Assert.Equal(requestId, refused.GetProperty("request_id").GetString());
        Assert.Equal(2, refused.GetProperty("data").GetProperty("error").GetProperty("code").GetInt32());
    }

    [Fact]
    public async Task A_token_on_the_upgrade_authenticates_the_connection()
    {
        var player = await KitchenPlayer.RegisterAsync(host);
        using var socket = await host.ConnectWebSocketAsync("/ws?token=" + player.Token);
        await KitchenPlayer.SendTextAsync(socket, """{"message_type":"request","request_id":1,"request_type":"session","data":{}}""");
        var opened = await KitchenPlayer.ReceiveResponseAsync(socket);
        Assert.Equal(1, opened.GetProperty("request_id").GetInt32());
        Assert.Equal(player.AccountId, opened.GetProperty("data").GetProperty("session").GetProperty("user_id").GetInt64());
    }

    [Fact]
    public async Task A_forged_token_on_the_upgrade_is_refused_with_401()
    {
        using var socket = new ClientWebSocket();
        socket.Options.CollectHttpResponseDetails = true;
        var uri = new UriBuilder(new Uri(host.BaseAddress, "/ws?token=forged")) { Scheme = "ws" }.Uri;
        await Assert.ThrowsAsync<WebSocketException>(() => socket.ConnectAsync(uri, CancellationToken.None));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, socket.HttpStatusCode);
    }

    public static TheoryData<string, string?, int> BadFrames => new()
    {
        { "{not json", null, 1 },
        { """{"message_type":"request","request_id":"b0","request_type":"co""", "b0", 1 },
        { "[1,2]", null, 1 },
        { """{"message_type":"response","request_id":"b1","request_type":"cook","data":{}}""", "b1", 1 },
        { """{"message_type":"request","request_id":"b2","data":{}}""", "b2", 1 },
        { """{"message_type":"request","request_id":"b3","request_type":"teleport","data":{}}""", "b3", 22 },
        { """{"message_type":"request","request_id":"b4","request_type":"cook","data":"text"}""", "b4", 1 },
    };

    [Theory]
    [MemberData(nameof(BadFrames))]
    public async Task Bad_frames_get_an_error_response_and_the_connection_stays_open(string frame, string? requestId, int code)
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();
        await KitchenPlayer.SendTextAsync(player.Socket!, frame);
        var refused = await KitchenPlayer.ReceiveResponseAsync(player.Socket!);
        Assert.Equal(requestId, refused.GetProperty("request_id").ValueKind == JsonValueKind.Null ? null : refused.GetProperty("request_id").GetString());
        Assert.Equal(code, refused.GetProperty("data").GetProperty("error").GetProperty("code").GetInt32());

        Assert.Equal(1, (await player.RequestAsync("cook")).GetProperty("dishes_cooked").GetInt64());
    }

    [Fact]
    public async Task A_frame_over_64_KiB_closes_the_connection_with_1009_and_spares_its_neighbours()
    {
        await using var neighbour = await KitchenPlayer.RegisterAsync(host);
        await neighbour.ConnectAsync();
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();

        await KitchenPlayer.SendTextAsync(player.Socket!, """{"message_type":"request","request_id":"big","request_type":"cook","data":{"token":""" + "\"" + new string('x', 70_000) + "\"}}");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await player.Socket!.ReceiveAsync(new byte[1024], timeout.Token);
        Assert.Equal(WebSocketMessageType.Close, result.MessageType);
        Assert.Equal(WebSocketCloseStatus.MessageTooBig, player.Socket.CloseStatus);

        Assert.Equal(1, (await neighbour.RequestAsync("cook")).GetProperty("dishes_cooked").GetInt64());
    }

    [Fact]
    public async Task The_accounts_other_connections_receive_a_broadcast_after_each_change()
    {
        await using var first = await KitchenPlayer.RegisterAsync(host);
        await first.ConnectAsync();
        using var second = await host.ConnectWebSocketAsync("/ws?token=" + first.Token);
        await KitchenPlayer.SendTextAsync(second, """{"message_type":"request","request_id":"x","request_type":"session","data":{}}""");
        await KitchenPlayer.ReceiveResponseAsync(second);

        await first.RequestAsync("cook");
        var broadcast = await KitchenPlayer.ReceiveFrameAsync(second);
        AssertProperties(broadcast, "message_type", "request_type", "data");
        Assert.Equal("broadcast", broadcast.GetProperty("message_type").GetString());
        Assert.Equal("cook", broadcast.GetProperty("request_type").GetString());
        Assert.Equal(1, broadcast.GetProperty("data").GetProperty("session").GetProperty("dishes").GetInt64());

        // A read (level_check) changes nothing and broadcasts nothing; the next change does.
        await first.RequestAsync("level_check");
        await first.RequestAsync("sell");
        var next = await KitchenPlayer.ReceiveFrameAsync(second);
        Assert.Equal("sell", next.GetProperty("request_type").GetString());
    }

    [Fact]
    public async Task Cooks_racing_on_several_connections_of_one_account_are_all_counted()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.ConnectAsync();
        var sockets = new List<System.Net.WebSockets.ClientWebSocket>();
        for (var i = 0; i < 4; i++)
        {
            var socket = await host.ConnectWebSocketAsync("/ws?token=" + player.Token);
            await KitchenPlayer.SendTextAsync(socket, "{\"message_type\":\"request\",\"request_id\":\"open" + i + "\",\"request_type\":\"session\",\"data\":{}}");
            await KitchenPlayer.ReceiveResponseAsync(socket);
            sockets.Add(socket);
        }

        var cooked = await Task.WhenAll(sockets.Select(async (socket, i) =>
        {
            var ok = 0;
            for (var n = 0; n < 5; n++)
            {
                await KitchenPlayer.SendTextAsync(socket, "{\"message_type\":\"request\",\"request_id\":\"c" + i + "-" + n + "\",\"request_type\":\"cook\",\"data\":{}}");
                var response = await KitchenPlayer.ReceiveResponseAsync(socket);
                ok += response.GetProperty("data").TryGetProperty("error", out _) ? 0 : 1;
            }

            return ok;
        }));

        Assert.Equal(20, cooked.Sum());
        Assert.Equal(20, (await player.RequestAsync("level_check")).GetProperty("session").GetProperty("dishes").GetInt64());
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }
    }
}
