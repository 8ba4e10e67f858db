using System.Net;
using System.Net.WebSockets;
using System.Text.Json;
using CleanGames.IntegrationTests.Mafia;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.SignalR.Client;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Operations;

/// <summary>
/// The operators' views (Problem Details dialect, admin only): the realtime connections per transport
/// and instance, and the scheduled jobs with their next fire time.
/// </summary>
public sealed class AdminOperationsTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    [Fact]
    public async Task Connections_are_counted_per_transport_while_they_are_open()
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var (playerId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var token = host.IssueToken(playerId);

        using var kitchen = await host.ConnectWebSocketAsync("/ws");
        using var notifications = await host.ConnectWebSocketAsync("/ws/notifications", token);
        await using var hub = host.CreateHubConnection("/hubs/kitchen", token);
        await hub.StartAsync();

        var open = await WaitForAsync(admin, view => Total(view) == 3);
        AssertProperties(open, "instance_id", "instances", "total");
        var self = Assert.Single(open.GetProperty("instances").EnumerateArray());
        AssertProperties(self, "instance_id", "name", "started_at", "seen_at", "current", "total", "transports");
        Assert.True(self.GetProperty("current").GetBoolean());
        Assert.Equal(open.GetProperty("instance_id").GetString(), self.GetProperty("instance_id").GetString());
        Assert.Equal(3, self.GetProperty("total").GetInt32());
        var transports = self.GetProperty("transports").EnumerateArray()
            .Select(t => (t.GetProperty("transport").GetString(), t.GetProperty("kind").GetString(), t.GetProperty("open").GetInt32()))
            .ToList();
        Assert.Equal([("/hubs/kitchen", "signalr", 1), ("/ws", "websocket", 1), ("/ws/notifications", "websocket", 1)], transports);

        await hub.StopAsync();
        await kitchen.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        await notifications.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
        var closed = await WaitForAsync(admin, view => Total(view) == 0);
        Assert.Empty(closed.GetProperty("instances")[0].GetProperty("transports").EnumerateArray());
    }

    [Fact]
    public async Task Jobs_list_each_trigger_with_its_interval_and_next_fire_time_the_next_first_a_page_at_a_time()
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var answer = await admin.GetAsync("/api/admin/jobs?per_page=100");
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var page = await answer.ReadJsonAsync();
        AssertProperties(page, "instance_id", "jobs", "page", "per_page", "total");
        var jobs = page.GetProperty("jobs").EnumerateArray().ToList();
        Assert.Equal(page.GetProperty("total").GetInt32(), jobs.Count);
        foreach (var job in jobs)
        {
            AssertProperties(job, "job", "group", "trigger", "description", "interval_seconds", "next_fire_at", "previous_fire_at", "state");
        }

        var purge = Assert.Single(jobs, j => j.GetProperty("job").GetString() == "identity.purge");
        Assert.Equal("identity.purge.hourly", purge.GetProperty("trigger").GetString());
        Assert.Equal(3600, purge.GetProperty("interval_seconds").GetDouble());
        Assert.True(purge.GetProperty("next_fire_at").GetDateTimeOffset() > DateTimeOffset.UtcNow);
        var heartbeat = Assert.Single(jobs, j => j.GetProperty("job").GetString() == "operations.heartbeat");
        Assert.Equal(10, heartbeat.GetProperty("interval_seconds").GetDouble());
        Assert.Contains(jobs, j => j.GetProperty("job").GetString() == "matchmaking.sweep");

        var next = jobs.Select(j => j.GetProperty("next_fire_at")).Where(n => n.ValueKind != JsonValueKind.Null).Select(n => n.GetDateTimeOffset()).ToList();
        Assert.Equal(next.Order(), next);

        var second = await (await admin.GetAsync("/api/admin/jobs?page=2&per_page=2")).ReadJsonAsync();
        Assert.Equal(2, second.GetProperty("page").GetInt32());
        Assert.Equal(2, second.GetProperty("per_page").GetInt32());
        Assert.True(second.GetProperty("jobs").GetArrayLength() <= 2);
        Assert.True(second.GetProperty("total").GetInt32() >= 4);
    }

    [Theory]
    [InlineData("/api/admin/jobs?per_page=0", "per_page")]
    [InlineData("/api/admin/jobs?page=0", "page")]
    [InlineData("/api/admin/jobs?page=x", "page")]
    public async Task A_bad_page_is_a_validation_problem(string path, string field)
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var answer = await admin.GetAsync(path);
        Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
        Assert.Equal("application/problem+json", answer.Content.Headers.ContentType?.MediaType);
        var problem = await answer.ReadJsonAsync();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Theory]
    [InlineData("/api/admin/connections")]
    [InlineData("/api/admin/jobs")]
    public async Task Only_admins_see_them(string path)
    {
        var (playerId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var moderatorClaim = host.CreateClientFor(playerId, "moderator", "admin");
        var refused = await moderatorClaim.GetAsync(path);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(403, (await refused.ReadJsonAsync()).GetProperty("status").GetInt32());

        var anonymous = await host.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    internal static int Total(JsonElement view) => view.GetProperty("total").GetInt32();

    internal static async Task<JsonElement> WaitForAsync(HttpClient admin, Func<JsonElement, bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            var answer = await admin.GetAsync("/api/admin/connections");
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
            var view = await answer.ReadJsonAsync();
            if (condition(view))
            {
                return view;
            }

            Assert.True(DateTime.UtcNow < deadline, "The connections never reached the expected state: " + view);
            await Task.Delay(50);
        }
    }
}

/// <summary>Two instances on one database: each sees the other's connections through the heartbeats; one that shuts down leaves at once, one that goes silent after three beats.</summary>
public sealed class TwoInstanceConnectionsTests : SharedDatabaseDirectory
{
    [Fact]
    public async Task Each_instance_lists_the_others_connections_from_their_heartbeats()
    {
        await using var first = new HeartbeatHost(DatabasePath);
        await first.InitializeAsync();
        await using var second = new HeartbeatHost(DatabasePath);
        await second.InitializeAsync();

        var (playerId, _, _, _) = await first.CreateClient().RegisterGameClientAsync();
        using var socket = await second.ConnectWebSocketAsync("/ws/notifications", second.IssueToken(playerId));
        using var admin = first.CreateClientFor(first.AdminId, "admin");

        var both = await AdminOperationsTests.WaitForAsync(admin, view => view.GetProperty("instances").GetArrayLength() == 2 && AdminOperationsTests.Total(view) == 1);
        var instances = both.GetProperty("instances").EnumerateArray().ToList();
        Assert.True(instances[0].GetProperty("current").GetBoolean());
        Assert.Equal(0, instances[0].GetProperty("total").GetInt32());
        Assert.False(instances[1].GetProperty("current").GetBoolean());
        Assert.NotEqual(instances[0].GetProperty("instance_id").GetString(), instances[1].GetProperty("instance_id").GetString());
        var transport = Assert.Single(instances[1].GetProperty("transports").EnumerateArray());
        Assert.Equal("/ws/notifications", transport.GetProperty("transport").GetString());
        Assert.Equal(1, transport.GetProperty("open").GetInt32());

        // The second instance shuts down gracefully: it takes its row with it, and is no longer listed at once.
        await second.StopAsync();
        var alone = await (await admin.GetAsync("/api/admin/connections")).ReadJsonAsync();
        Assert.True(Assert.Single(alone.GetProperty("instances").EnumerateArray()).GetProperty("current").GetBoolean());
    }

    [Fact]
    public async Task An_instance_that_stops_reporting_drops_out_after_three_missed_heartbeats()
    {
        await using var first = new HeartbeatHost(DatabasePath);
        await first.InitializeAsync();
        await using var second = new HeartbeatHost(DatabasePath);
        await second.InitializeAsync();
        using var admin = first.CreateClientFor(first.AdminId, "admin");
        var both = await AdminOperationsTests.WaitForAsync(admin, view => view.GetProperty("instances").GetArrayLength() == 2);
        var other = both.GetProperty("instances")[1].GetProperty("instance_id").GetString();

        // The second's clock stands still, so its heartbeats keep one seen_at; the first's moves three beats and more past it.
        first.Clock.Advance(second.Clock.GetUtcNow() - first.Clock.GetUtcNow() + TimeSpan.FromSeconds(4));
        var alone = await (await admin.GetAsync("/api/admin/connections")).ReadJsonAsync();
        Assert.DoesNotContain(alone.GetProperty("instances").EnumerateArray(), i => i.GetProperty("instance_id").GetString() == other);
    }

    private sealed class HeartbeatHost(string databasePath) : CleanGamesHost(databasePath)
    {
        protected override void ConfigureHost(IWebHostBuilder builder) => builder.UseSetting("Operations:HeartbeatSeconds", "1");
    }
}
