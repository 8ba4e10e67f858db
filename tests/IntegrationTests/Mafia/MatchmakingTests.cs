using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>
/// Seed 000 section 5, the queue: players of a mode who share a language are seated at the mode's
/// size, told <c>match_found</c>, and play as a lobby's game would; a long wait widens to a smaller
/// table. Each test queues in languages of its own, so the tests' players never meet.
/// </summary>
public sealed class MatchmakingTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Four_quick_players_sharing_a_language_are_seated_together_and_told_match_found()
    {
        var players = await QueuedPlayersAsync(4, "quick", i => i == 0 ? ["fi", "sv"] : ["fi"]);

        var gameIds = new List<string>();
        foreach (var player in players)
        {
            var found = await MafiaTable.NextAsync(player.Socket, "notification_type", "match_found");
            AssertProperties(found, "type", "notification_type", "data", "timestamp");
            AssertProperties(found.GetProperty("data"), "game_id");
            gameIds.Add(found.GetProperty("data").GetProperty("game_id").GetString()!);
        }

        var gameId = Assert.Single(gameIds.Distinct());
        var state = await (await players[0].Client.GetAsync($"/api/game/{gameId}/state")).ReadJsonAsync();
        Assert.Equal(players.Select(p => p.Id.ToString()).Order(), state.GetProperty("alive_players").EnumerateArray().Select(p => p.GetString()!).Order());
        Assert.Equal("night", state.GetProperty("phase").GetString());

        // The quick mode's own phase lengths (mode table): a 30-second night.
        Assert.InRange(state.GetProperty("time_remaining").GetInt32(), 1, 30);

        var leave = await (await players[0].Client.PostAsync("/api/matchmaking/queue/leave", null)).ReadJsonAsync();
        Assert.Equal("""{"success":false}""", leave.GetRawText());
        DisposeAll(players);
    }

    [Fact]
    public async Task Of_five_waiting_the_four_who_waited_longest_are_seated_first()
    {
        // Five entries already waiting when the matcher looks (as after a restart): the sweep seats the four oldest.
        var players = new List<(long Id, ClientWebSocket Socket)>();
        for (var i = 0; i < 5; i++)
        {
            var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
            var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}");
            await MafiaTable.NextAsync(socket, "type", "connected");
            players.Add((id, socket));
        }

        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<CleanGames.Infrastructure.Persistence.ApplicationDbContext>();
            var now = host.Clock.GetUtcNow();
            foreach (var i in new[] { 3, 0, 4, 2, 1 })
            {
                db.Add(CleanGames.Domain.Mafia.Matchmaking.QueueEntry.Join(Guid.NewGuid(), players[i].Id, "quick", ["sl"], now.AddSeconds(-10 + i)));
            }

            await db.SaveChangesAsync();
        }

        var found = await Task.WhenAll(players.Take(4).Select(p => MafiaTable.NextAsync(p.Socket, "notification_type", "match_found")));
        Assert.Single(found.Select(f => f.GetProperty("data").GetProperty("game_id").GetString()).Distinct());
        using var youngest = host.CreateClientFor(players[4].Id);
        Assert.True(await LeaveAsync(youngest));
        foreach (var (_, socket) in players)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public async Task Players_who_share_no_language_are_not_seated_together()
    {
        var estonian = await QueuedPlayersAsync(2, "quick", _ => ["et"]);
        var latvian = await QueuedPlayersAsync(2, "quick", _ => ["lv"]);
        await Task.Delay(TimeSpan.FromSeconds(2.5));

        foreach (var player in estonian.Concat(latvian))
        {
            Assert.True(await LeaveAsync(player.Client));
        }

        DisposeAll(estonian.Concat(latvian));
    }

    [Fact]
    public async Task A_full_table_of_eight_forms_at_once_in_classic()
    {
        var players = await QueuedPlayersAsync(8, "classic", i => i % 2 == 0 ? ["cy"] : ["cy", "br"]);
        var found = await Task.WhenAll(players.Select(p => MafiaTable.NextAsync(p.Socket, "notification_type", "match_found")));
        var gameId = Assert.Single(found.Select(f => f.GetProperty("data").GetProperty("game_id").GetString()).Distinct());
        var state = await (await players[0].Client.GetAsync($"/api/game/{gameId}/state")).ReadJsonAsync();
        Assert.Equal(8, state.GetProperty("alive_players").GetArrayLength());
        DisposeAll(players);
    }

    [Fact]
    public async Task Joining_answers_queued_and_again_keeps_the_place_while_leaving_answers_whether_the_player_was_waiting()
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var client = host.CreateClientFor(id);
        var joined = await client.PostAsync("/api/matchmaking/queue/join?mode=quick&languages=mn", null);
        Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
        Assert.Equal("""{"status":"queued"}""", (await joined.ReadJsonAsync()).GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync("/api/matchmaking/queue/join?mode=classic&languages=mn&languages=kk", null)).StatusCode);

        // Waiting in the queue is a seat: no lobby meanwhile.
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/matchmaking/lobby/create", Body(new { max_players = 6 }))).StatusCode);

        Assert.True(await LeaveAsync(client));
        Assert.False(await LeaveAsync(client));
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().PostAsync("/api/matchmaking/queue/join?mode=quick&languages=en", null)).StatusCode);
    }

    [Fact]
    public async Task Concurrent_joins_of_one_player_leave_one_waiting_entry()
    {
        // Five: the lobby bucket's burst (30 a minute, a sixth of it at once); queue calls draw from it.
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var client = host.CreateClientFor(id);
        var answers = await Task.WhenAll(Enumerable.Range(0, 5).Select(i =>
            client.PostAsync($"/api/matchmaking/queue/join?mode={(i % 2 == 0 ? "quick" : "classic")}&languages=uz", null)));
        Assert.All(answers, a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/api/matchmaking/queue/join?mode=quick&languages=uz", null)).StatusCode);

        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.True(await LeaveAsync(client));
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        Assert.False(await LeaveAsync(client));
    }

    [Theory]
    [InlineData("/api/matchmaking/queue/join?mode=blitz&languages=en", "mode")]
    [InlineData("/api/matchmaking/queue/join?languages=en", "mode")]
    [InlineData("/api/matchmaking/queue/join?mode=quick&languages=xx", "languages")]
    [InlineData("/api/matchmaking/queue/join?mode=quick&languages=english", "languages")]
    [InlineData("/api/matchmaking/queue/join?mode=quick&languages=en&languages=e1", "languages")]
    [InlineData("/api/matchmaking/queue/join?mode=quick&languages=EN", "languages")]
    [InlineData("/api/matchmaking/queue/join?mode=quick", "languages")]
    [InlineData("/api/matchmaking/queue/join?mode=quick&languages=en&languages=ru&languages=ja&languages=de&languages=fr&languages=it", "languages")]
    public async Task An_unknown_mode_or_a_code_outside_ISO_639_1_is_422_and_queues_nothing(string path, string field)
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var client = host.CreateClientFor(id);
        var response = await client.PostAsync(path, null);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        var detail = (await response.ReadJsonAsync()).GetProperty("detail");
        Assert.Contains(detail.EnumerateArray(), error => error.GetProperty("loc")[0].GetString() == "query" && error.GetProperty("loc")[1].GetString() == field);
        Assert.False(await LeaveAsync(client));
    }

    [Fact]
    public async Task A_banned_player_cannot_queue_and_a_ban_takes_a_waiting_player_out()
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var (waiting, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var waitingClient = host.CreateClientFor(waiting);
        Assert.Equal(HttpStatusCode.OK, (await waitingClient.PostAsync("/api/matchmaking/queue/join?mode=quick&languages=ka", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = waiting.ToString(), duration_hours = 1, reason = "griefing in queue games" }))).StatusCode);

        var (banned, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = banned.ToString(), duration_hours = 1, reason = "griefing in queue games" }))).StatusCode);
        using var bannedClient = host.CreateClientFor(banned);
        var refused = await bannedClient.PostAsync("/api/matchmaking/queue/join?mode=quick&languages=ka", null);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("griefing in queue games", (await refused.ReadJsonAsync()).GetProperty("detail").GetString());

        // The one banned while waiting is out: three more ka players do not make a table with them.
        var others = await QueuedPlayersAsync(3, "quick", _ => ["ka"]);
        await Task.Delay(TimeSpan.FromSeconds(2.5));
        foreach (var player in others)
        {
            Assert.True(await LeaveAsync(player.Client));
        }

        DisposeAll(others);
    }

    [Fact]
    public async Task A_player_in_a_running_game_cannot_queue()
    {
        var accounts = new long[4];
        for (var i = 0; i < accounts.Length; i++)
        {
            accounts[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        await MafiaTable.StartAsync(host, accounts: accounts);
        using var client = host.CreateClientFor(accounts[0]);
        Assert.Equal(HttpStatusCode.Conflict, (await client.PostAsync("/api/matchmaking/queue/join?mode=quick&languages=en", null)).StatusCode);
    }

    private Task<List<QueuedPlayer>> QueuedPlayersAsync(int count, string mode, Func<int, string[]> languages) => QueuedPlayersAsync(host, count, mode, languages);

    internal static async Task<List<QueuedPlayer>> QueuedPlayersAsync(CleanGamesHost host, int count, string mode, Func<int, string[]> languages)
    {
        var players = new List<QueuedPlayer>();
        for (var i = 0; i < count; i++)
        {
            var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
            var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(id)}");
            await MafiaTable.NextAsync(socket, "type", "connected");
            var client = host.CreateClientFor(id);
            var query = string.Concat(languages(i).Select(l => "&languages=" + l));
            var joined = await client.PostAsync($"/api/matchmaking/queue/join?mode={mode}{query}", null);
            Assert.Equal(HttpStatusCode.OK, joined.StatusCode);
            players.Add(new QueuedPlayer(id, client, socket));
        }

        return players;
    }

    internal static async Task<bool> LeaveAsync(HttpClient client)
    {
        var response = await client.PostAsync("/api/matchmaking/queue/leave", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("success").GetBoolean();
    }

    internal static void DisposeAll(IEnumerable<QueuedPlayer> players)
    {
        foreach (var player in players)
        {
            player.Client.Dispose();
            player.Socket.Dispose();
        }
    }

    internal sealed record QueuedPlayer(long Id, HttpClient Client, ClientWebSocket Socket);
}

/// <summary>A host on the real clock whose queue widens and forgets the unheard after a few seconds.</summary>
public sealed class QueueTimingHost : CleanGamesHost
{
    public const int WidenAfterSeconds = 3;
    public const int DisconnectGraceSeconds = 5;

    public QueueTimingHost()
        : base(null)
    {
    }

    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Matchmaking:WidenAfterSeconds", WidenAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Matchmaking:DisconnectGraceSeconds", DisconnectGraceSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.ConfigureServices(services =>
        {
            services.RemoveApplicationClock();
            services.AddKeyedSingleton(CleanGames.Application.Common.Abstractions.ApplicationClock.Key, TimeProvider.System);
        });
    }
}

/// <summary>The queue's timed rules, on the real clock: widening after the wait, and the grace period of a player who stops listening.</summary>
public sealed class MatchmakingTimingTests(QueueTimingHost host) : IClassFixture<QueueTimingHost>
{
    [Fact]
    public async Task Classic_waits_for_eight_and_a_long_wait_widens_to_a_smaller_table()
    {
        var start = DateTimeOffset.UtcNow;
        var players = await MatchmakingTests.QueuedPlayersAsync(host, 5, "classic", _ => ["ga"]);

        var found = await Task.WhenAll(players.Select(p => MafiaTable.NextAsync(p.Socket, "notification_type", "match_found")));
        var gameId = Assert.Single(found.Select(f => f.GetProperty("data").GetProperty("game_id").GetString()).Distinct());
        Assert.True(DateTimeOffset.UtcNow - start >= TimeSpan.FromSeconds(QueueTimingHost.WidenAfterSeconds), "a table below the mode's size forms only after the wait");
        var state = await (await players[0].Client.GetAsync($"/api/game/{gameId}/state")).ReadJsonAsync();
        Assert.Equal(5, state.GetProperty("alive_players").GetArrayLength());
        MatchmakingTests.DisposeAll(players);
    }

    [Fact]
    public async Task A_player_who_stops_listening_leaves_the_queue_after_the_grace_period_and_one_who_returns_stays()
    {
        var gone = (await MatchmakingTests.QueuedPlayersAsync(host, 1, "classic", _ => ["tg"]))[0];
        var back = (await MatchmakingTests.QueuedPlayersAsync(host, 1, "classic", _ => ["tk"]))[0];
        await gone.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);
        await back.Socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "brb", CancellationToken.None);
        await Task.Delay(TimeSpan.FromSeconds(1.5));

        using var reopened = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(back.Id)}");
        await MafiaTable.NextAsync(reopened, "type", "connected");
        await Task.Delay(TimeSpan.FromSeconds(QueueTimingHost.DisconnectGraceSeconds + 2.5));

        Assert.False(await MatchmakingTests.LeaveAsync(gone.Client));
        Assert.True(await MatchmakingTests.LeaveAsync(back.Client));
        MatchmakingTests.DisposeAll([gone, back]);
    }
}

/// <summary>The queue is in the database: players queued before a restart are matched after it.</summary>
public sealed class MatchmakingRestartTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task Players_queued_before_a_restart_are_seated_with_one_who_joins_after_it()
    {
        long[] before;
        await using (var first = new KeptDatabaseHost(DatabasePath))
        {
            await first.InitializeAsync();
            var queued = await MatchmakingTests.QueuedPlayersAsync(first, 3, "quick", _ => ["hr"]);
            before = queued.Select(p => p.Id).ToArray();
            MatchmakingTests.DisposeAll(queued);
            await first.StopAsync();
        }

        await using var second = new KeptDatabaseHost(DatabasePath);
        await second.InitializeAsync();
        var sockets = new List<ClientWebSocket>();
        foreach (var id in before)
        {
            var socket = await second.ConnectWebSocketAsync($"/ws/notifications?token={second.IssueToken(id)}");
            await MafiaTable.NextAsync(socket, "type", "connected");
            sockets.Add(socket);
        }

        var after = await MatchmakingTests.QueuedPlayersAsync(second, 1, "quick", _ => ["hr"]);
        sockets.Add(after[0].Socket);
        var found = await Task.WhenAll(sockets.Select(s => MafiaTable.NextAsync(s, "notification_type", "match_found")));
        Assert.Single(found.Select(f => f.GetProperty("data").GetProperty("game_id").GetString()).Distinct());
        foreach (var socket in sockets)
        {
            socket.Dispose();
        }

        after[0].Client.Dispose();
    }
}
