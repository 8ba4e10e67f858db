using System.Diagnostics;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanGames.IntegrationTests.Mafia;
using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Pages;

/// <summary>
/// <c>/mafia</c> in a real Chromium, at a table with three bots acting over REST: the page signs in,
/// creates a lobby (listening on <c>/hubs/notifications</c> through the SignalR browser client), readies, and plays a whole game through its buttons (an operator's console lists the running game and grants one of its players a role), on the real clock (the day
/// ends at its deadline; night and voting end early once everyone has acted).
/// </summary>
public sealed class MafiaTablePageTests(RealClockHost host, ChromiumBrowser chromium, ITestOutputHelper output) : IClassFixture<RealClockHost>, IClassFixture<ChromiumBrowser>
{
    private static readonly LocatorAssertionsToHaveTextOptions Long = new() { Timeout = 15_000 };

    [Fact]
    public async Task A_page_and_three_bots_play_a_game_to_its_end_through_the_table_page()
    {
        var clock = Stopwatch.StartNew();
        await using var opened = await chromium.OpenAsync(host, "/mafia");
        var page = opened.Page;
        Assert.Equal("Mafia table", await page.TitleAsync());

        // Sign in through the game-client routes, as the playground does.
        var name = Accounts.UniqueName("mafia");
        await page.FillAsync("#signin-username", name);
        await page.FillAsync("#signin-email", name + "@example.com");
        await page.FillAsync("#signin-password", "correct horse battery");
        await page.ClickAsync("#register-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync(new Regex(@"^Signed in as player \d+\.$"));
        var me = Regex.Match(await page.TextContentAsync("#signin-status") ?? "", @"\d+").Value;

        // A lobby with a short day (it ends at its deadline); night and voting end when everyone has acted.
        await page.FillAsync("#night-seconds", "30");
        await page.FillAsync("#day-seconds", "2");
        await page.FillAsync("#voting-seconds", "30");
        await page.ClickAsync("#create-button");
        await Assertions.Expect(page.Locator("#invite-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{8}$"));
        var code = (await page.TextContentAsync("#invite-code"))!;

        // In the lobby the page listens on /hubs/notifications, through the SignalR browser client.
        using (var admin = host.CreateClientFor(host.AdminId, "admin"))
        {
            var hubs = await Operations.AdminOperationsTests.WaitForAsync(admin, view => view.GetProperty("instances")[0].GetProperty("transports").EnumerateArray()
                .Any(t => t.GetProperty("transport").GetString() == "/hubs/notifications" && t.GetProperty("kind").GetString() == "signalr"));
            Assert.Equal(1, hubs.GetProperty("instances")[0].GetProperty("transports").EnumerateArray().Single(t => t.GetProperty("transport").GetString() == "/hubs/notifications").GetProperty("open").GetInt32());
        }

        var bots = new List<long>();
        for (var i = 0; i < 3; i++)
        {
            var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
            bots.Add(id);
            using var client = host.CreateClientFor(id);
            (await client.PostAsync("/api/matchmaking/lobby/join/" + code, null)).EnsureSuccessStatusCode();
            (await client.PostAsync($"/api/matchmaking/lobby/{code}/ready", null)).EnsureSuccessStatusCode();
        }

        await Assertions.Expect(page.Locator("#members li")).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("#members li[data-ready='true']")).ToHaveCountAsync(3);
        await page.ClickAsync("#ready-button");

        // The game starts: the page shows the night, its role and a running countdown.
        await Assertions.Expect(page.Locator("#phase")).ToHaveTextAsync("night", Long);
        await Assertions.Expect(page.Locator("#role")).ToHaveTextAsync(new Regex("^(mafia|detective|citizen)$"));
        var pageRole = (await page.TextContentAsync("#role"))!;
        var countdown = (await page.TextContentAsync("#countdown"))!;
        Assert.Matches(@"^0:[0-3]\d$", countdown);
        await Assertions.Expect(page.Locator("#countdown")).Not.ToHaveTextAsync(countdown, new() { Timeout = 5_000 });
        await Assertions.Expect(page.Locator("#role-description")).Not.ToBeEmptyAsync();

        using var first = host.CreateClientFor(bots[0]);
        var gameId = (await first.GetFromJsonAsync<JsonElement>("/api/game/my_game")).GetProperty("active_game").GetString()!;
        var roles = new Dictionary<string, string> { [me] = pageRole };
        foreach (var bot in bots)
        {
            using var client = host.CreateClientFor(bot);
            roles[bot.ToString()] = (await client.GetFromJsonAsync<JsonElement>($"/api/game/{gameId}/state")).GetProperty("my_role").GetString()!;
        }

        Assert.Equal(["citizen", "citizen", "detective", "mafia"], roles.Values.Order());

        // Meanwhile an operator's console lists this game with its phase, and grants one of its players a role.
        await using (var console = await chromium.OpenAsync(host, "/console"))
        {
            await console.Page.ClickAsync("summary");
            await console.Page.FillAsync("#token", host.IssueToken(host.AdminId, "admin"));
            await console.Page.ClickAsync("#token-button");
            await Assertions.Expect(console.Page.Locator($"#games li[data-game-id='{gameId}'] .phase")).ToHaveTextAsync("night");
            await console.Page.FillAsync("#accounts-query", bots[1].ToString(System.Globalization.CultureInfo.InvariantCulture));
            await console.Page.ClickAsync("#accounts-button");
            var account = console.Page.Locator($"#accounts li[data-account-id='{bots[1]}']");
            await account.Locator("input[data-role='moderator']").CheckAsync();
            await account.Locator(".save-roles").ClickAsync();
            await Assertions.Expect(account.Locator(".roles .status")).ToHaveTextAsync("Saved.");
            Assert.True(console.Errors.Count == 0, string.Join(Environment.NewLine, console.Errors));
        }
        var mafia = roles.Single(r => r.Value == "mafia").Key;
        output.WriteLine($"The page plays the {pageRole}.");
        var detective = roles.Single(r => r.Value == "detective").Key;
        var botIds = bots.Select(b => b.ToString()).ToArray();
        var victim = botIds.First(b => b != mafia);
        var listener = botIds.First(b => b != victim);
        using var listening = await host.ConnectWebSocketAsync($"/ws/games/{gameId}", host.IssueToken(long.Parse(listener)));

        // Night: the mafia kills a bot, the detective investigates the mafia (each through the page if it is the page's role).
        await NightActionAsync(page, me, mafia, gameId, "kill", victim);
        await NightActionAsync(page, me, detective, gameId, "investigate", mafia);
        if (pageRole == "detective")
        {
            await Assertions.Expect(page.Locator("#events li", new() { HasTextString = $"Player {mafia} is mafia." })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        }

        await Assertions.Expect(page.Locator("#events li", new() { HasTextString = $"The night killed Player {victim}." })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Assertions.Expect(page.Locator($"#players li[data-user-id='{victim}']")).ToHaveAttributeAsync("data-alive", "false");

        // Day ends at its deadline; voting opens.
        await Assertions.Expect(page.Locator("#phase")).ToHaveTextAsync("day", Long);
        await Assertions.Expect(page.Locator("#phase")).ToHaveTextAsync("voting", Long);

        // Chat both ways: the page's line reaches a bot's game socket, the bot's line shows on the page.
        await page.FillAsync("#chat-input", "Who is it? <b>not bold</b>");
        await page.ClickAsync("#chat-send");
        var heard = await MafiaTable.NextAsync(listening, "type", "chat");
        Assert.Equal((me, "Who is it? <b>not bold</b>"), (heard.GetProperty("from").GetString(), heard.GetProperty("message").GetString()));
        await KitchenPlayer.SendTextAsync(listening, """{"type":"chat","message":"it is the quiet one"}""");
        await Assertions.Expect(page.Locator($"#chat li[data-from='{listener}'] .text")).ToHaveTextAsync("it is the quiet one");
        await Assertions.Expect(page.Locator($"#chat li[data-from='{me}'] .text")).ToHaveTextAsync("Who is it? <b>not bold</b>");
        await page.ClickAsync(".emoji-button >> nth=0");
        await Assertions.Expect(page.Locator($"#chat li.emoji[data-from='{me}'] .text")).ToHaveTextAsync("👍");

        // Voting: everyone votes the mafia (the mafia votes someone else), so the citizens win.
        var pageVotes = me == mafia ? botIds.First(b => b != victim) : mafia;
        await page.ClickAsync($"#players li[data-user-id='{pageVotes}'] button.act[data-action='vote']");
        await Assertions.Expect(page.Locator("#events li", new() { HasTextString = $"You chose to vote Player {pageVotes}." })).ToHaveCountAsync(1);
        foreach (var bot in botIds.Where(b => b != victim))
        {
            using var client = host.CreateClientFor(long.Parse(bot));
            var target = bot == mafia ? me : mafia;
            (await client.PostAsync($"/api/game/{gameId}/vote", Body(new { target_id = target }))).EnsureSuccessStatusCode();
        }

        await Assertions.Expect(page.Locator("#winner")).ToHaveTextAsync("The citizens win!", Long);
        await Assertions.Expect(page.Locator("#phase")).ToHaveTextAsync("ended");
        await Assertions.Expect(page.Locator("#events li", new() { HasTextString = $"The vote eliminated Player {mafia}" })).ToHaveCountAsync(1);
        foreach (var bot in botIds)
        {
            await Assertions.Expect(page.Locator($"#players li[data-user-id='{bot}'] .tags")).ToContainTextAsync(roles[bot]);
        }

        await Assertions.Expect(page.Locator("#new-table-button")).ToBeVisibleAsync();
        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), $"The game took {clock.Elapsed}.");
    }

    [Fact]
    public async Task Refusals_show_the_servers_words_and_a_lobby_survives_a_reload()
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        await using var opened = await chromium.OpenAsync(host, "/mafia");
        var page = opened.Page;
        await page.ClickAsync("summary");
        await page.FillAsync("#token", host.IssueToken(id));
        await page.ClickAsync("#token-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync($"Signed in as player {id}.");
        await page.FillAsync("#join-code", "ZZZZZZZZ");
        await page.ClickAsync("#join-button");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Lobby not found");

        // A lobby survives a reload (the token and the lobby are kept for the tab), and the next refusal shows too.
        await page.ClickAsync("#create-button");
        await Assertions.Expect(page.Locator("#error")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#invite-code")).ToHaveTextAsync(new Regex("^[A-Z2-9]{8}$"));
        var code = await page.TextContentAsync("#invite-code");
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#invite-code")).ToHaveTextAsync(code!);
        await Assertions.Expect(page.Locator("#members li")).ToHaveCountAsync(1);
        await page.ClickAsync("#leave-button");
        await Assertions.Expect(page.Locator("#create-button")).ToBeVisibleAsync();
        await page.FillAsync("#join-code", code!);
        await page.ClickAsync("#join-button");
        await Assertions.Expect(page.Locator("#error")).ToHaveTextAsync("Everyone left this lobby; it is closed.");
        Assert.True(opened.Errors.All(e => e.Contains("404", StringComparison.Ordinal) || e.Contains("409", StringComparison.Ordinal)), string.Join(Environment.NewLine, opened.Errors));
    }

    /// <summary>The <paramref name="actor"/>'s night action: through the page's button if the actor is the page, else over REST.</summary>
    private async Task NightActionAsync(IPage page, string me, string actor, string gameId, string action, string target)
    {
        if (actor == me)
        {
            await page.ClickAsync($"#players li[data-user-id='{target}'] button.act[data-action='{action}']");
            await Assertions.Expect(page.Locator("#events li", new() { HasTextString = $"You chose to {action} Player {target}." })).ToHaveCountAsync(1);
            return;
        }

        using var client = host.CreateClientFor(long.Parse(actor));
        (await client.PostAsync($"/api/game/{gameId}/action", Body(new { action, target_id = target }))).EnsureSuccessStatusCode();
    }
}
