using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanGames.IntegrationTests.Mafia;
using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Pages;

/// <summary>
/// <c>/console</c> in a real Chromium on a phone-sized screen: the bootstrap admin signs in, sees a
/// live game with its phase, finds an account and grants it <c>moderator</c> (the audit log shows the
/// grant), pages through the audit log, and sees this instance's connections per transport and the
/// scheduled jobs; that moderator then sees the games, resolves a report from the moderation queue,
/// and sees the server's refusal on the admin-only sections.
/// </summary>
public sealed class ConsolePageTests(CleanGamesHost host, ChromiumBrowser chromium) : IClassFixture<CleanGamesHost>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task The_admin_sees_a_live_game_and_grants_moderator_and_the_moderator_resolves_a_report_but_is_refused_the_admin_sections()
    {
        var players = new long[4];
        for (var i = 0; i < players.Length; i++)
        {
            players[i] = (await host.CreateClient().RegisterGameClientAsync()).AccountId;
        }

        var table = await MafiaTable.StartAsync(host, accounts: players);
        var (target, username, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var (reporter, reported) = (table.Ids[0], table.Ids[1]);
        using var reporting = host.CreateClientFor(reporter);
        var filed = await reporting.PostAsync("/api/social/report", Body(new { reported_user = reported.ToString(), reason = "insults", game_id = table.GameId }));
        var reportId = (await filed.EnsureSuccessStatusCode().ReadJsonAsync()).GetProperty("report_id").GetString();

        await using var opened = await chromium.OpenAsync(host, "/console");
        var page = opened.Page;
        Assert.Equal("CleanGames console", await page.TitleAsync());

        // The bootstrap admin signs in with its email as the login, through the game-client route.
        await page.FillAsync("#signin-login", CleanGamesHost.AdminEmail);
        await page.FillAsync("#signin-password", CleanGamesHost.AdminPassword);
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync($"Signed in as account {host.AdminId}.");

        // The live game shows with its phase; its deadline comes on demand from the game's state.
        var game = page.Locator($"#games li[data-game-id='{table.GameId}']");
        await Assertions.Expect(game.Locator(".phase")).ToHaveTextAsync("night");
        await game.Locator(".details-button").ClickAsync();
        await Assertions.Expect(game.Locator(".details")).ToHaveTextAsync(new Regex(@"^Phase night: ends .+ \(in \d+ s\)\.$"));

        // Search the account and grant it moderator through the page.
        await page.FillAsync("#accounts-query", username);
        await page.ClickAsync("#accounts-button");
        var account = page.Locator($"#accounts li[data-account-id='{target}']");
        await Assertions.Expect(page.Locator("#accounts li")).ToHaveCountAsync(1);
        await Assertions.Expect(account.Locator(".current-roles")).ToHaveTextAsync("user");
        await account.Locator("input[data-role='moderator']").CheckAsync();
        await account.Locator(".save-roles").ClickAsync();
        await Assertions.Expect(account.Locator(".roles .status")).ToHaveTextAsync("Saved.");
        await Assertions.Expect(account.Locator(".current-roles .tag")).ToHaveTextAsync(["user", "moderator"], new() { UseInnerText = true });

        using var admin = host.CreateClientFor(host.AdminId, "admin");
        var listed = await admin.GetFromJsonAsync<JsonElement>($"/api/admin/accounts?search={username}");
        var roles = listed.GetProperty("accounts")[0].GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order().ToArray();
        Assert.Equal(["moderator", "user"], roles);

        // The audit log on the page shows the grant.
        await Assertions.Expect(page.Locator("#audit li[data-action='grant']").First).ToHaveTextAsync(new Regex($"^grant moderator → account {target}by account {host.AdminId}"));

        // More than a page of audit lines: Next shows the older ones, Previous comes back.
        var (churned, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        for (var i = 0; i < 22; i++)
        {
            var change = await admin.PutAsync($"/api/admin/accounts/{churned}/roles", Body(new { roles = i % 2 == 0 ? new[] { "moderator" } : Array.Empty<string>() }));
            Assert.Equal(HttpStatusCode.OK, change.StatusCode);
        }

        await page.ClickAsync("#audit-refresh");
        await Assertions.Expect(page.Locator("#audit-status")).ToHaveTextAsync("Page 1: 20 entries, newest first.");
        await Assertions.Expect(page.Locator("#audit-prev")).ToBeDisabledAsync();
        await page.ClickAsync("#audit-next");
        await Assertions.Expect(page.Locator("#audit-status")).ToHaveTextAsync(new Regex(@"^Page 2: \d+ entries, newest first\.$"));
        await Assertions.Expect(page.Locator($"#audit li[data-action='grant']").Last).ToContainTextAsync($"account {target}");
        await page.ClickAsync("#audit-prev");
        await Assertions.Expect(page.Locator("#audit-status")).ToHaveTextAsync("Page 1: 20 entries, newest first.");

        // The connections of this instance per transport, and the scheduled jobs with their next fire time.
        var (listener, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        using var socket = await host.ConnectWebSocketAsync("/ws/notifications", host.IssueToken(listener));
        await page.ClickAsync("#connections-refresh");
        var instance = page.Locator("#connections li");
        await Assertions.Expect(instance).ToHaveCountAsync(1);
        await Assertions.Expect(instance.Locator(".title")).ToContainTextAsync("(this instance)");
        await Assertions.Expect(instance.Locator(".tag")).ToContainTextAsync(["/ws/notifications · websocket · 1"]);
        var purge = page.Locator("#jobs li[data-job='identity.purge']");
        await Assertions.Expect(purge).ToContainTextAsync("every 3600 s · next ");
        await Assertions.Expect(page.Locator("#jobs-status")).ToHaveTextAsync(new Regex(@"^\d+ triggers; page 1\.$"));
        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));

        // The new moderator (a pasted token) sees the games and the queue, and the server's refusal on the admin sections.
        using var asModerator = host.CreateClientFor(target, "moderator");
        var refusal = await asModerator.GetAsync("/api/admin/accounts?search=");
        Assert.Equal(HttpStatusCode.Forbidden, refusal.StatusCode);
        var problem = await refusal.ReadJsonAsync();
        var words = problem.TryGetProperty("detail", out var detail) && detail.GetString() is { Length: > 0 } d ? d : problem.GetProperty("title").GetString();

        await using var second = await chromium.OpenAsync(host, "/console");
        var moderatorPage = second.Page;
        await moderatorPage.ClickAsync("summary");
        await moderatorPage.FillAsync("#token", host.IssueToken(target, "moderator"));
        await moderatorPage.ClickAsync("#token-button");
        await Assertions.Expect(moderatorPage.Locator("#signin-status")).ToHaveTextAsync($"Signed in as account {target}.");
        await Assertions.Expect(moderatorPage.Locator("#accounts-status")).ToHaveTextAsync(words!);
        await Assertions.Expect(moderatorPage.Locator("#accounts-status")).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(moderatorPage.Locator("#audit-status")).ToHaveTextAsync(words!);
        await Assertions.Expect(moderatorPage.Locator($"#games li[data-game-id='{table.GameId}'] .phase")).ToHaveTextAsync("night");

        // The moderator resolves the open report: without a note the server refuses in its words; with one the queue empties.
        await Assertions.Expect(moderatorPage.Locator("#queue-status-line")).ToHaveTextAsync("1 reports; page 1.");
        var report = moderatorPage.Locator($"#queue li[data-report-id='{reportId}']");
        await Assertions.Expect(report).ToContainTextAsync($"Player {reporter} reported player {reported}");
        await report.Locator("button[data-action='reject']").ClickAsync();
        await Assertions.Expect(report.Locator(".status")).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(report.Locator(".status")).Not.ToBeEmptyAsync();
        await report.Locator(".note-input").FillAsync("Banter, not abuse");
        await report.Locator("button[data-action='reject']").ClickAsync();
        await Assertions.Expect(moderatorPage.Locator("#queue-status-line")).ToHaveTextAsync("No open reports.");
        await moderatorPage.SelectOptionAsync("#queue-status", "resolved");
        await moderatorPage.ClickAsync("#queue-button");
        await Assertions.Expect(report).ToContainTextAsync($"Resolved by {target}");
        await Assertions.Expect(report).ToContainTextAsync("Banter, not abuse");

        // Only the expected refusals of the admin routes (the browser logs each as a failed resource).
        // Only the expected refusals: the admin routes (403) and the resolution without a note (422); the browser logs each as a failed resource.
        var unexpected = second.Errors.Where(e =>
            !(e.StartsWith("HTTP 403: ") && e.Contains("/api/admin/")) &&
            !(e.StartsWith("HTTP 422: ") && e.Contains($"/api/moderation/admin/reports/{reportId}/resolve")) &&
            !e.Contains("status of 403") && !e.Contains("status of 422")).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
        Assert.Equal(4, second.Errors.Count(e => e.StartsWith("HTTP 403: ")));
        await Assertions.Expect(moderatorPage.Locator("#connections-status")).ToHaveTextAsync(words!);
        await Assertions.Expect(moderatorPage.Locator("#jobs-status")).ToHaveTextAsync(words!);
        Assert.Equal(1, second.Errors.Count(e => e.StartsWith("HTTP 422: ")));
    }
    [Fact]
    public async Task A_wrong_password_and_a_plain_players_refusals_show_the_servers_words()
    {
        var (id, username, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var refused = await host.CreateClient().PostAsync("/auth/login", Body(new { username, password = "not the password" }));
        var words = (await refused.ReadJsonAsync()).GetProperty("detail").GetString()!;
        using var player = host.CreateClientFor(id);
        var forbidden = await (await player.GetAsync("/api/moderation/admin/queue?kind=reports")).ReadJsonAsync();

        await using var opened = await chromium.OpenAsync(host, "/console");
        var page = opened.Page;
        await page.FillAsync("#signin-login", username);
        await page.FillAsync("#signin-password", "not the password");
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync(words);
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveAttributeAsync("data-state", "error");

        // A player who is neither admin nor moderator sees the live games, and the server's refusal everywhere else.
        await page.ClickAsync("summary");
        await page.FillAsync("#token", host.IssueToken(id));
        await page.ClickAsync("#token-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync($"Signed in as account {id}.");
        await Assertions.Expect(page.Locator("#games-status")).ToHaveTextAsync(new Regex(@"^(No game is running|\d+ unfinished games?.*)\.$"));
        await Assertions.Expect(page.Locator("#queue-status-line")).ToHaveTextAsync(forbidden.GetProperty("detail").GetString()!);
        await Assertions.Expect(page.Locator("#accounts-status")).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(page.Locator("#audit-status")).ToHaveAttributeAsync("data-state", "error");

        var unexpected = opened.Errors.Where(e => !e.StartsWith("HTTP 401: ") && !e.StartsWith("HTTP 403: ") && !e.Contains("status of 401") && !e.Contains("status of 403")).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }
}
