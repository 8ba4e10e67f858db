using System.Net;
using System.Text.Json;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Infrastructure.Persistence;
using CleanGames.IntegrationTests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Mafia;

/// <summary>The moderators' queue: reports and appeals, resolved with notes; rejected reports lift their interim restriction, accepted appeals lift the ban.</summary>
public sealed class ModerationQueueTests(CleanGamesHost host) : IClassFixture<CleanGamesHost>
{
    private static readonly string[] ReportItemFields = ["report_id", "reporter_user", "reported_user", "game_id", "reason", "evidence", "status", "created_at", "interim_restriction_id", "resolved_by", "resolved_at", "resolution_note"];

    private async Task<long[]> PlayersAsync(int count)
    {
        var ids = new long[count];
        for (var i = 0; i < count; i++)
        {
            ids[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        return ids;
    }

    private async Task<string> ReportAsync(long reporter, long reported, string gameId, string reason = "abuse")
    {
        using var client = host.CreateClientFor(reporter);
        var response = await client.PostAsync("/api/social/report", Body(new { reported_user = reported.ToString(), reason, game_id = gameId }));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("report_id").GetString()!;
    }

    private async Task<HttpResponseMessage> ResolveAsync(string kind, string id, string action, string? note = "checked the chat log", long? moderator = null)
    {
        using var client = moderator is { } m ? host.CreateClientFor(m, "moderator") : host.CreateClientFor(host.AdminId, "admin");
        return await client.PostAsync($"/api/moderation/admin/{kind}/{id}/resolve", Body(new { action, note }));
    }

    private async Task<JsonElement> StatusAsync(long userId)
    {
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        return await (await admin.GetAsync($"/api/moderation/status/{userId}")).ReadJsonAsync();
    }

    private async Task<long> ModeratorAsync()
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsync($"/api/admin/accounts/{id}/roles", Body(new { roles = new[] { "moderator" } }))).StatusCode);
        return id;
    }

    private async Task AssertLoggedAsync(long target, string action, string? note = null)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        Assert.True(await db.Set<ModerationLogEntry>().AnyAsync(e => e.TargetUserId == target && e.Action == action && (note == null || e.Detail!.Contains(note)) && e.ActorId != null), $"No '{action}' line in the moderation log for {target}.");
    }

    [Fact]
    public async Task The_queue_pages_open_reports_oldest_first_for_staff_only()
    {
        var players = await PlayersAsync(4);
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var first = await ReportAsync(players[0], players[1], table.GameId, "first");
        host.Clock.Advance(TimeSpan.FromMilliseconds(10)); // "oldest first" needs the two reports apart in time; the host's clock stands still otherwise
        var second = await ReportAsync(players[2], players[1], table.GameId, "second");
        var moderator = await ModeratorAsync();

        using var staff = host.CreateClientFor(moderator, "moderator");
        var response = await staff.GetAsync("/api/moderation/admin/queue?kind=reports&status=open&per_page=100");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.ReadJsonAsync();
        Assert.Equal(["kind", "status", "items", "page", "per_page", "total", "has_more"], page.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(("reports", "open", 1, 100), (page.GetProperty("kind").GetString(), page.GetProperty("status").GetString(), page.GetProperty("page").GetInt32(), page.GetProperty("per_page").GetInt32()));
        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.All(items, i => Assert.Equal(ReportItemFields, i.EnumerateObject().Select(p => p.Name).ToArray()));
        var ours = items.Where(i => i.GetProperty("reported_user").GetString() == players[1].ToString()).Select(i => i.GetProperty("report_id").GetString()!).ToArray();
        Assert.Equal([first, second], ours);
        var item = items.Single(i => i.GetProperty("report_id").GetString() == first);
        Assert.Equal((players[0].ToString(), "first", "open", JsonValueKind.Null), (item.GetProperty("reporter_user").GetString(), item.GetProperty("reason").GetString(), item.GetProperty("status").GetString(), item.GetProperty("resolution_note").ValueKind));

        var one = await (await staff.GetAsync("/api/moderation/admin/queue?kind=reports&per_page=1")).ReadJsonAsync();
        Assert.Single(one.GetProperty("items").EnumerateArray());
        Assert.True(one.GetProperty("has_more").GetBoolean());
        Assert.True(one.GetProperty("total").GetInt32() >= 2);

        foreach (var query in new[] { "kind=bans", "", "kind=reports&status=closed", "kind=reports&per_page=101", "kind=reports&page=0" })
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, (await staff.GetAsync("/api/moderation/admin/queue?" + query)).StatusCode);
        }

        using var player = host.CreateClientFor(players[0]);
        Assert.Equal(HttpStatusCode.Forbidden, (await player.GetAsync("/api/moderation/admin/queue?kind=reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.CreateClient().GetAsync("/api/moderation/admin/queue?kind=reports")).StatusCode);
    }

    [Fact]
    public async Task A_report_is_resolved_once_with_a_note_that_is_audited()
    {
        var players = await PlayersAsync(4);
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var reportId = await ReportAsync(players[0], players[1], table.GameId);
        var moderator = await ModeratorAsync();

        var response = await ResolveAsync("reports", reportId, "uphold", "confirmed insults on day 1", moderator);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var report = await response.ReadJsonAsync();
        Assert.Equal(ReportItemFields, report.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal(("upheld", moderator.ToString(), "confirmed insults on day 1"), (report.GetProperty("status").GetString(), report.GetProperty("resolved_by").GetString(), report.GetProperty("resolution_note").GetString()));
        Assert.NotEqual(JsonValueKind.Null, report.GetProperty("resolved_at").ValueKind);
        await AssertLoggedAsync(players[1], "report_upheld", "confirmed insults on day 1");

        var again = await ResolveAsync("reports", reportId, "reject");
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("This report has already been resolved", (await again.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync("reports", Guid.NewGuid().ToString(), "reject")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync("reports", "not-a-report", "reject")).StatusCode);
        var other = await ReportAsync(players[2], players[1], table.GameId);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ResolveAsync("reports", other, "dismiss")).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ResolveAsync("reports", other, "reject", note: null)).StatusCode);
        using (var player = host.CreateClientFor(players[3]))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await player.PostAsync($"/api/moderation/admin/reports/{other}/resolve", Body(new { action = "reject", note = "mine" }))).StatusCode);
        }

        var resolved = await (await host.CreateClientFor(host.AdminId, "admin").GetAsync("/api/moderation/admin/queue?kind=reports&status=resolved&per_page=100")).ReadJsonAsync();
        Assert.Contains(resolved.GetProperty("items").EnumerateArray(), i => i.GetProperty("report_id").GetString() == reportId);
        Assert.DoesNotContain(resolved.GetProperty("items").EnumerateArray(), i => i.GetProperty("report_id").GetString() == other);
    }

    [Fact]
    public async Task Rejecting_every_report_behind_an_interim_restriction_lifts_it_and_tells_the_player()
    {
        var players = await PlayersAsync(4);
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var target = players[3];
        var reports = new List<string>();
        foreach (var reporter in players[..3])
        {
            reports.Add(await ReportAsync(reporter, target, table.GameId));
        }

        Assert.False((await StatusAsync(target)).GetProperty("can_chat").GetBoolean());
        using var socket = await host.ConnectWebSocketAsync($"/ws/notifications?token={host.IssueToken(target)}");
        await MafiaTable.NextAsync(socket, "type", "connected");

        var first = await (await ResolveAsync("reports", reports[0], "reject")).ReadJsonAsync();
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("interim_restriction_id").ValueKind);
        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync("reports", reports[1], "reject")).StatusCode);
        Assert.False((await StatusAsync(target)).GetProperty("can_chat").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync("reports", reports[2], "reject", "no abuse in the log")).StatusCode);

        var status = await StatusAsync(target);
        Assert.True(status.GetProperty("can_chat").GetBoolean());
        Assert.Empty(status.GetProperty("restrictions").EnumerateArray());
        var notice = await MafiaTable.NextAsync(socket, "type", "notification");
        Assert.Equal("restriction_lifted", notice.GetProperty("notification_type").GetString());
        Assert.Equal(("chat", "lifted", first.GetProperty("interim_restriction_id").GetString()), (notice.GetProperty("data").GetProperty("type").GetString(), notice.GetProperty("data").GetProperty("reason").GetString(), notice.GetProperty("data").GetProperty("restriction_id").GetString()));
        await AssertLoggedAsync(target, "restriction_lifted", "no abuse in the log");
        await AssertLoggedAsync(target, "report_rejected");

        using var stats = host.CreateClientFor(players[0]);
        Assert.Equal(0, (await (await stats.GetAsync($"/api/social/stats/{target}")).ReadJsonAsync()).GetProperty("reports_received").GetInt32());
    }

    [Fact]
    public async Task An_upheld_report_keeps_the_interim_restriction()
    {
        var players = await PlayersAsync(4);
        var table = await MafiaTable.StartAsync(host, accounts: players);
        var target = players[0];
        var reports = new List<string>();
        foreach (var reporter in players[1..])
        {
            reports.Add(await ReportAsync(reporter, target, table.GameId));
        }

        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync("reports", reports[0], "uphold")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync("reports", reports[1], "reject")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync("reports", reports[2], "reject")).StatusCode);
        Assert.False((await StatusAsync(target)).GetProperty("can_chat").GetBoolean());
    }

    [Fact]
    public async Task A_rejected_appeal_keeps_the_ban_and_an_accepted_one_lifts_it_and_unbans_the_account()
    {
        var (target, username, _, password) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var ban = await (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), duration_hours = 48, reason = "griefing" }))).ReadJsonAsync();
        var banId = ban.GetProperty("ban_id").GetString()!;
        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync("appeals", banId, "accept")).StatusCode);

        using var player = host.CreateClientFor(target);
        Assert.Equal(HttpStatusCode.OK, (await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "It was my brother." }))).StatusCode);
        var queue = await (await admin.GetAsync("/api/moderation/admin/queue?kind=appeals&per_page=100")).ReadJsonAsync();
        var item = queue.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("appeal_id").GetString() == banId);
        Assert.Equal(["appeal_id", "user_id", "appeal_text", "appealed_at", "status", "ban"], item.EnumerateObject().Select(p => p.Name).ToArray());
        Assert.Equal((target.ToString(), "It was my brother.", "pending", "griefing"), (item.GetProperty("user_id").GetString(), item.GetProperty("appeal_text").GetString(), item.GetProperty("status").GetString(), item.GetProperty("ban").GetProperty("reason").GetString()));

        var rejected = await ResolveAsync("appeals", banId, "reject", "the log shows the same device");
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        var afterReject = await rejected.ReadJsonAsync();
        Assert.Equal(("rejected", "rejected", "the log shows the same device"), (afterReject.GetProperty("status").GetString(), afterReject.GetProperty("ban").GetProperty("appeal_status").GetString(), afterReject.GetProperty("ban").GetProperty("notes").GetString()));
        Assert.True((await StatusAsync(target)).GetProperty("banned").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await ResolveAsync("appeals", banId, "accept")).StatusCode);
        await AssertLoggedAsync(target, "appeal_rejected", "the log shows the same device");

        Assert.Equal(HttpStatusCode.OK, (await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "Please look again." }))).StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await ResolveAsync("appeals", banId, "approve")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await player.PostAsync($"/api/moderation/admin/appeals/{banId}/resolve", Body(new { action = "accept", note = "me" }))).StatusCode);
        var accepted = await ResolveAsync("appeals", banId, "accept", "another household member confirmed");
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("approved", (await accepted.ReadJsonAsync()).GetProperty("status").GetString());

        var status = await StatusAsync(target);
        Assert.False(status.GetProperty("banned").GetBoolean());
        Assert.True(status.GetProperty("can_play").GetBoolean());
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().PostAsync("/auth/login", Body(new { username, password }))).StatusCode);
        await AssertLoggedAsync(target, "appeal_approved", "another household member confirmed");
        using (var scope = host.Services.CreateScope())
        {
            var stored = await scope.ServiceProvider.GetRequiredService<ApplicationDbContext>().Set<Ban>().AsNoTracking().SingleAsync(b => b.Id == Guid.Parse(banId));
            Assert.Equal(BanEnd.AppealApproved, stored.EndReason);
        }

        Assert.Equal(HttpStatusCode.Conflict, (await ResolveAsync("appeals", banId, "reject")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync("appeals", Guid.NewGuid().ToString(), "accept")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await ResolveAsync("appeals", "nope", "accept")).StatusCode);
    }

    [Fact]
    public async Task Accepting_an_appeal_while_another_ban_holds_keeps_the_account_banned()
    {
        var (target, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var first = (await (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), duration_hours = 48, reason = "griefing" }))).ReadJsonAsync()).GetProperty("ban_id").GetString()!;
        using var player = host.CreateClientFor(target);
        Assert.Equal(HttpStatusCode.OK, (await player.PostAsync("/api/moderation/appeal", Body(new { appeal_text = "sorry" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync("/api/moderation/admin/ban", Body(new { user_id = target.ToString(), duration_hours = 1, reason = "spam" }))).StatusCode);

        Assert.Equal(HttpStatusCode.OK, (await ResolveAsync("appeals", first, "accept")).StatusCode);
        var status = await StatusAsync(target);
        Assert.True(status.GetProperty("banned").GetBoolean());
        Assert.Equal("spam", status.GetProperty("ban_details").GetProperty("reason").GetString());
    }
}
