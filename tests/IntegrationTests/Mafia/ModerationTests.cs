using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>Seed 000 section 7: bans, restrictions, warnings, appeals and their effects on every surface.</summary>
public sealed class ModerationTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task A_ban_answers_the_seeds_ban_and_the_status_shows_it_to_the_player_and_staff_only()
    {
        var (target, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var response = await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), duration_hours = 24, reason = "abuse in chat", evidence = "chat log 12" }));
        var ban = await response.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["ban_id", "user_id", "type", "reason", "issued_by", "issued_at", "expires_at", "evidence", "appeal_status", "notes"], ban.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((target.ToString(), "temporary", "abuse in chat", host.AdminId.ToString(), "none"), (ban.GetProperty("user_id").GetString(), ban.GetProperty("type").GetString(), ban.GetProperty("reason").GetString(), ban.GetProperty("issued_by").GetString(), ban.GetProperty("appeal_status").GetString()));
        Assert.Equal(TimeSpan.FromHours(24), DateTimeOffset.Parse(ban.GetProperty("expires_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture) - DateTimeOffset.Parse(ban.GetProperty("issued_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture));

        using var self = host.CreateClientFor(target);
        var status = await (await self.GetAsync($"/api/moderation/status/{target}")).ReadJsonAsync();
        Assert.Equal(["banned", "ban_details", "restrictions", "warnings", "can_play", "can_voice", "can_chat", "can_send_gifts"], status.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.True(status.GetProperty("banned").GetBoolean());
        Assert.Equal(ban.GetProperty("ban_id").GetString(), status.GetProperty("ban_details").GetProperty("ban_id").GetString());
        Assert.All(new[] { "can_play", "can_voice", "can_chat", "can_send_gifts" }, name => Assert.False(status.GetProperty(name).GetBoolean()));

        var (other, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var stranger = host.CreateClientFor(other);
        Assert.Equal(HttpStatusCode.Forbidden, (await stranger.GetAsync($"/api/moderation/status/{target}")).StatusCode);
        var own = await (await stranger.GetAsync($"/api/moderation/status/{other}")).ReadJsonAsync();
        Assert.False(own.GetProperty("banned").GetBoolean());
        Assert.Equal(JsonValueKind.Null, own.GetProperty("ban_details").ValueKind);
        Assert.True(own.GetProperty("can_play").GetBoolean());
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/api/moderation/status/999999999")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync($"/api/moderation/status/{target}")).StatusCode);
        await AssertLoggedAsync(target, "ban");
    }

    [Fact]
    public async Task A_banned_player_cannot_sign_in_join_a_lobby_or_gift_and_a_permanent_ban_has_no_expiry()
    {
        var (target, username, _, password) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var ban = await (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), reason = "cheating" }))).ReadJsonAsync();
        Assert.Equal("permanent", ban.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, ban.GetProperty("expires_at").ValueKind);

        Assert.Equal(HttpStatusCode.Forbidden, (await host.CreateClient().PostAsync("/auth/login", Body(new { username, password }))).StatusCode);
        using var player = host.CreateClientFor(target);
        Assert.Equal(HttpStatusCode.Forbidden, (await player.PostAsync("/api/matchmaking/lobby/create", Body(new { max_players = 6 }))).StatusCode);
        var (friend, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var gift = await player.PostAsync("/api/economy/gift", Body(new { to_user = friend.ToString(), amount = 1 }));
        Assert.Equal(HttpStatusCode.Forbidden, gift.StatusCode);
        Assert.Contains("cheating", (await gift.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task A_ban_takes_the_player_out_of_their_running_game_and_closes_their_sockets()
    {
        var accounts = new long[5];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        var table = await MafiaTable.StartAsync(host, accounts: accounts);
        var target = table.Citizens[0];
        using var banned = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(target)}");
        await MafiaTable.NextAsync(banned, "type", "connected");

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), duration_hours = 1, reason = "abuse" }))).StatusCode);

        using var client = host.CreateClientFor(table.Detective);
        var players = await (await client.GetAsync($"/api/game/{table.GameId}/players")).ReadJsonAsync();
        var row = players.GetProperty("players").EnumerateArray().Single(p => p.GetProperty("user_id").GetString() == target.ToString());
        Assert.Equal("banned", row.GetProperty("death_reason").GetString());

        var buffer = new byte[4096];
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        WebSocketReceiveResult received;
        do
        {
            received = await banned.ReceiveAsync(buffer, timeout.Token);
        }
        while (received.MessageType != WebSocketMessageType.Close);

        Assert.Equal(4003, (int)banned.CloseStatus!.Value);
        var refused = await Assert.ThrowsAnyAsync<WebSocketException>(() => host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(target)}"));
        Assert.NotNull(refused);
    }

    [Fact]
    public async Task A_moderator_bans_players_but_not_staff_and_nobody_bans_themself_or_nobody()
    {
        var (moderatorId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/accounts/{moderatorId}/roles", Body(new { roles = new[] { "moderator" } }))).StatusCode);
        using var moderator = host.CreateClientFor(moderatorId, "moderator");

        var forbidden = await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = host.AdminId.ToString(), reason = "no" }));
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = moderatorId.ToString(), reason = "me" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = "999999999", reason = "ghost" }))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = "not-an-id", reason = "ghost" }))).StatusCode);

        var (player, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = player.ToString() }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = player.ToString(), reason = "x", duration_hours = 0 }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = player.ToString(), reason = "x", duration_hours = "soon" }))).StatusCode);
        using (var plain = host.CreateClientFor(player))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await plain.PostAsync("/api/moderation/admin/ban", Body(new { user_id = moderatorId.ToString(), reason = "revenge" }))).StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await moderator.PostAsync("/api/moderation/admin/ban", Body(new { user_id = player.ToString(), duration_hours = 2, reason = "spam" }))).StatusCode);
        var seen = await (await moderator.GetAsync($"/api/moderation/status/{player}")).ReadJsonAsync();
        Assert.True(seen.GetProperty("banned").GetBoolean());
        Assert.Equal(moderatorId.ToString(), seen.GetProperty("ban_details").GetProperty("issued_by").GetString());
    }

    [Fact]
    public async Task A_banned_player_appeals_once_at_a_time_and_an_unbanned_one_has_nothing_to_appeal()
    {
        var (target, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var player = host.CreateClientFor(target);
        Assert.Equal(HttpStatusCode.Conflict, (await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "why?" }))).StatusCode);

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), duration_hours = 48, reason = "griefing" }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "" }))).StatusCode);
        var appealed = await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "It was my brother." }));
        Assert.Equal(HttpStatusCode.OK, appealed.StatusCode);
        Assert.Equal("pending", (await appealed.ReadJsonAsync()).GetProperty("appeal_status").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "Please." }))).StatusCode);
        Assert.Equal("pending", (await (await admin.GetAsync($"/api/moderation/status/{target}")).ReadJsonAsync()).GetProperty("ban_details").GetProperty("appeal_status").GetString());
        await AssertLoggedAsync(target, "appeal");
    }

    [Fact]
    public async Task Restrictions_switch_off_chat_and_gifts_and_warnings_are_on_the_record()
    {
        var accounts = new long[5];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var target = accounts[0];
        var restricted = await admin.PostAsync("/api/moderation/admin/restrict", Body(new { user_id = target.ToString(), type = "chat", duration_hours = 3, reason = "flooding" }));
        var restriction = await restricted.ReadJsonAsync();
        Assert.Equal(HttpStatusCode.OK, restricted.StatusCode);
        Assert.Equal(["restriction_id", "user_id", "type", "expires_at", "reason", "value"], restriction.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/moderation/admin/restrict", Body(new { user_id = target.ToString(), type = "gifts", duration_hours = 1, reason = "gift spam" }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/moderation/admin/restrict", Body(new { user_id = target.ToString(), type = "dancing", duration_hours = 1, reason = "x" }))).StatusCode);
        var warned = await (await admin.PostAsync("/api/moderation/admin/warn", Body(new { user_id = target.ToString(), reason = "rude", severity = 2 }))).ReadJsonAsync();
        Assert.Equal(["warning_id", "user_id", "reason", "severity", "issued_at"], warned.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await admin.PostAsync("/api/moderation/admin/warn", Body(new { user_id = target.ToString(), reason = "rude", severity = 6 }))).StatusCode);

        using var player = host.CreateClientFor(target);
        var status = await (await player.GetAsync($"/api/moderation/status/{target}")).ReadJsonAsync();
        Assert.Equal((false, true, true, false, false), (status.GetProperty("banned").GetBoolean(), status.GetProperty("can_play").GetBoolean(), status.GetProperty("can_voice").GetBoolean(), status.GetProperty("can_chat").GetBoolean(), status.GetProperty("can_send_gifts").GetBoolean()));
        Assert.Equal(["chat", "gifts"], status.GetProperty("restrictions").EnumerateArray().Select(r => r.GetProperty("type").GetString()!).Order().ToArray());
        Assert.Equal("rude", Assert.Single(status.GetProperty("warnings").EnumerateArray()).GetProperty("reason").GetString());

        // A restricted player still plays, but says nothing in the game's chat and sends no gifts.
        var table = await MafiaTable.StartAsync(host, accounts: accounts);
        Assert.Equal(HttpStatusCode.OK, (await table.PostAsync(host.AdminId, "advance_phase", null, "admin")).StatusCode);
        using var socket = await host.ConnectWebSocketAsync($"/ws/games/{table.GameId}?token={host.IssueToken(target)}");
        await Gateway.RealtimeGatewayTests.SendAsync(socket, """{"type":"chat","message":"hello"}""");
        Assert.Contains("flooding", (await MafiaTable.NextAsync(socket, "type", "error")).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await player.PostAsync("/api/economy/gift", Body(new { to_user = accounts[1].ToString(), amount = 1 }))).StatusCode);
        await AssertLoggedAsync(target, "restrict");
        await AssertLoggedAsync(target, "warn");
    }

    private async Task AssertLoggedAsync(long target, string action)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.True(await db.Set<ModerationLogEntry>().AnyAsync(e => e.TargetUserId == target && e.Action == action), $"No '{action}' line in the moderation log for {target}.");
    }
}

/// <summary>A host on a database file that outlives it (for restarts).</summary>
public sealed class KeptDatabaseHost(string databasePath) : CleanGamesHost(databasePath);

/// <summary>Quartz lifts bans and restrictions at their time, and after a restart those whose time passed while the server was down.</summary>
public sealed class ModerationExpiryTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task A_restriction_and_a_ban_end_on_time_and_the_player_is_told()
    {
        await using var host = new RealClockHost(DatabasePath);
        await host.InitializeAsync();
        var (player, username, _, password) = await host.CreateClient().RegisterGameClientAsync();
        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(player)}");
        await MafiaTable.NextAsync(socket, "type", "connected");

        var restriction = await IssueAsync(host, now => Restriction.Issue(player, RestrictionType.Chat, "flooding", null, host.AdminId, TimeSpan.FromSeconds(2), now));
        var notice = await MafiaTable.NextAsync(socket, "type", "notification");
        Assert.Equal("restriction_lifted", notice.GetProperty("notification_type").GetString());
        Assert.Equal((restriction.Id.ToString(), "chat", "expired"), (notice.GetProperty("data").GetProperty("restriction_id").GetString(), notice.GetProperty("data").GetProperty("type").GetString(), notice.GetProperty("data").GetProperty("reason").GetString()));
        Assert.True(DateTimeOffset.UtcNow - restriction.ExpiresAt < TimeSpan.FromSeconds(3), "The restriction ended more than 3 s after its time.");

        await BanForTwoSecondsAsync(host, player);
        Assert.Equal(HttpStatusCode.Forbidden, (await host.CreateClient().PostAsync("/auth/login", Body(new { username, password }))).StatusCode);
        await UntilUnbannedAsync(host, player, TimeSpan.FromSeconds(6));
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().PostAsync("/auth/login", Body(new { username, password }))).StatusCode);
    }

    [Fact]
    public async Task A_ban_whose_time_passed_while_the_server_was_down_is_lifted_right_after_the_start()
    {
        long player;
        string username, password;
        DateTimeOffset expires;
        await using (var first = new KeptDatabaseHost(DatabasePath))
        {
            await first.InitializeAsync();
            (player, username, _, password) = await first.CreateClient().RegisterGameClientAsync();
            expires = (await BanForTwoSecondsAsync(first, player)).ExpiresAt!.Value;
            await first.StopAsync();
        }

        var wait = expires - DateTimeOffset.UtcNow + TimeSpan.FromMilliseconds(500);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        await using var second = new KeptDatabaseHost(DatabasePath);
        await second.InitializeAsync();
        await UntilUnbannedAsync(second, player, TimeSpan.FromSeconds(3));
        var login = await second.CreateClient().PostAsync("/auth/login", Body(new { username, password }));
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        using var scope = second.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.True(await db.Set<ModerationLogEntry>().AnyAsync(e => e.TargetUserId == player && e.Action == "ban_expired"));
    }

    /// <summary>A two-second ban, issued as the ban route would (the ban and the account's mark in one save).</summary>
    private static async Task<Ban> BanForTwoSecondsAsync(CleanGamesHost host, long player)
    {
        using var scope = host.Services.CreateScope();
        var ban = Ban.Issue(player, host.AdminId, "cooling off", null, TimeSpan.FromSeconds(2), DateTimeOffset.UtcNow);
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        db.Add(ban);
        Assert.True(await scope.ServiceProvider.GetRequiredService<CleanGames.Application.Identity.Contracts.IAccountBans>().BanAsync(player, default));
        await db.SaveChangesAsync();
        return ban;
    }

    private static async Task<T> IssueAsync<T>(CleanGamesHost host, Func<DateTimeOffset, T> issue)
        where T : class
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var issued = issue(DateTimeOffset.UtcNow);
        db.Add(issued);
        await db.SaveChangesAsync();
        return issued;
    }

    /// <summary>Waits until the expiry job has lifted the account's ban (the status answers by the ban's time at once; sign-in follows the lift).</summary>
    private static async Task UntilUnbannedAsync(CleanGamesHost host, long player, TimeSpan within)
    {
        var until = DateTime.UtcNow + within;
        bool banned;
        do
        {
            await Task.Delay(100);
            using var scope = host.Services.CreateScope();
            banned = await scope.ServiceProvider.GetRequiredService<CleanGames.Application.Identity.Contracts.IAccountDirectory>().IsBannedAsync(player, default);
        }
        while (banned && DateTime.UtcNow < until);

        Assert.False(banned, $"The account was still banned {within} after the wait began.");
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var status = await (await admin.GetAsync($"/api/moderation/status/{player}")).ReadJsonAsync();
        Assert.False(status.GetProperty("banned").GetBoolean());
        Assert.True(status.GetProperty("can_play").GetBoolean());
    }
}
