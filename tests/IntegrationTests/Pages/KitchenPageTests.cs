using System.Net;
using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace CleanGames.IntegrationTests.Pages;

/// <summary>
/// <c>/kitchen.html</c> in a real Chromium: Click &amp; Cook played through the page's buttons over the
/// real <c>/ws</c> socket, the numbers checked against what the server holds, two browser contexts of
/// one account seeing each other's changes live, the "while away" receipt and server errors verbatim.
/// </summary>
public sealed class KitchenPageTests(CleanGamesHost host, ChromiumBrowser chromium) : IClassFixture<CleanGamesHost>, IClassFixture<ChromiumBrowser>
{
    private const string Password = "strongpassword";

    [Fact]
    public async Task A_player_registers_on_the_page_then_cooks_sells_ranks_up_and_buys_through_the_buttons_as_the_server_counts()
    {
        await using var opened = await chromium.OpenAsync(host, "/kitchen.html");
        var page = opened.Page;
        Assert.Equal("Click & Cook", await page.TitleAsync());
        await Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await Expect(page.Locator("#game")).ToBeHiddenAsync();

        var email = Accounts.UniqueName("cook") + "@example.com";
        await SignInAsync(page, email, register: true);
        await Expect(page.Locator("#account")).ToHaveTextAsync(email);
        await Expect(page.Locator("#money")).ToHaveTextAsync("0");
        await Expect(page.Locator("#tutorial")).ToContainTextAsync("cook a dish");

        for (var cooked = 1; cooked <= 10; cooked++)
        {
            await page.ClickAsync("#cook");
            await Expect(page.Locator("#dishes")).ToHaveTextAsync(cooked.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        await Expect(page.Locator("#xp")).ToHaveTextAsync("10");
        await Expect(page.Locator("#xp-required")).ToHaveTextAsync("10");
        await Expect(page.Locator("#result")).ToHaveTextAsync("Cooked 1 dish (+1 xp).");

        await page.ClickAsync("#sell");
        await Expect(page.Locator("#money")).ToHaveTextAsync("50");
        await Expect(page.Locator("#dishes")).ToHaveTextAsync("0");
        await Expect(page.Locator("#result")).ToHaveTextAsync("Sold 10 dishes for 50 coins.");

        await page.ClickAsync("#level-up");
        await Expect(page.Locator("#rank")).ToHaveTextAsync("2");
        await Expect(page.Locator("#xp")).ToHaveTextAsync("0");
        await Expect(page.Locator("#xp-required")).ToHaveTextAsync("12");
        await Expect(page.Locator("#upgrades [data-upgrade='6']")).ToBeVisibleAsync(); // the spice rack opens at rank 2

        await page.ClickAsync("#upgrades button[data-buy='1']");
        await Expect(page.Locator("#money")).ToHaveTextAsync("35");
        await Expect(page.Locator("#upgrades [data-upgrade='1'] .level")).ToHaveTextAsync("level 1/25");
        await Expect(page.Locator("#upgrades button[data-buy='1']")).ToHaveTextAsync("Buy for 17");
        await Expect(page.Locator("#cook-power")).ToHaveTextAsync("2");
        await Expect(page.Locator("#result")).ToHaveTextAsync("Bought Sharp knife level 1 for 15 coins.");

        // What the page shows is what the server holds.
        var token = await page.EvaluateAsync<string>("sessionStorage.getItem('kitchen.access_token')");
        using var client = host.CreateClient().WithBearer(token);
        var response = await client.GetAsync("/api/kitchen/session");
        var session = (await response.ReadJsonAsync()).GetProperty("session");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(session.GetProperty("money").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#money"));
        Assert.Equal(session.GetProperty("dishes").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#dishes"));
        Assert.Equal(session.GetProperty("level").GetProperty("rank").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#rank"));
        Assert.Equal(session.GetProperty("stats").GetProperty("cook_power").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#cook-power"));
        Assert.Equal(session.GetProperty("revision").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture), await page.TextContentAsync("#revision"));
        Assert.Equal(35, session.GetProperty("money").GetInt64());

        // A refusal is shown as the server wrote it, and changes nothing.
        await page.ClickAsync("#level-up");
        await Expect(page.Locator("#error")).ToBeVisibleAsync();
        await Expect(page.Locator("#error-message")).ToHaveTextAsync("Not enough xp for the next rank yet.");
        await Expect(page.Locator("#error-code")).ToHaveTextAsync("(code 27)");
        await Expect(page.Locator("#rank")).ToHaveTextAsync("2");

        // The token stays in the tab: a reload plays on without signing in again.
        await page.ReloadAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await Expect(page.Locator("#money")).ToHaveTextAsync("35");
        await Expect(page.Locator("#signin")).ToBeHiddenAsync();

        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
    }

    [Fact]
    public async Task Two_browser_contexts_of_one_account_see_each_others_changes_without_reloading()
    {
        var email = Accounts.UniqueName("cook") + "@example.com";
        await using var first = await chromium.OpenAsync(host, "/kitchen.html");
        await using var second = await chromium.OpenAsync(host, "/kitchen.html");
        await SignInAsync(first.Page, email, register: true);
        await SignInAsync(second.Page, email, register: false);

        await first.Page.ClickAsync("#cook");
        await Expect(first.Page.Locator("#dishes")).ToHaveTextAsync("1");
        await Expect(second.Page.Locator("#dishes")).ToHaveTextAsync("1");
        await Expect(second.Page.Locator("#xp")).ToHaveTextAsync("1");
        await Expect(second.Page.Locator("#live")).ToHaveTextAsync("Updated from another tab or device: cook.");

        await second.Page.ClickAsync("#cook");
        await second.Page.ClickAsync("#sell");
        await Expect(second.Page.Locator("#money")).ToHaveTextAsync("10");
        await Expect(first.Page.Locator("#money")).ToHaveTextAsync("10");
        await Expect(first.Page.Locator("#dishes")).ToHaveTextAsync("0");
        await Expect(first.Page.Locator("#live")).ToHaveTextAsync("Updated from another tab or device: sell.");
        Assert.Equal(await second.Page.TextContentAsync("#revision"), await first.Page.TextContentAsync("#revision"));

        // Signing out in one tab leaves the other playing.
        await first.Page.ClickAsync("#signout");
        await Expect(first.Page.Locator("#signin")).ToBeVisibleAsync();
        Assert.Null(await first.Page.EvaluateAsync<string?>("sessionStorage.getItem('kitchen.access_token')"));
        await second.Page.ClickAsync("#cook");
        await Expect(second.Page.Locator("#dishes")).ToHaveTextAsync("1");

        Assert.True(first.Errors.Count == 0, string.Join(Environment.NewLine, first.Errors));
        Assert.True(second.Errors.Count == 0, string.Join(Environment.NewLine, second.Errors));
    }

    [Fact]
    public async Task A_pasted_token_opens_the_kitchen_with_the_while_away_receipt()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        var now = host.Clock.GetUtcNow();
        await player.SeedSessionAsync(s => s with { UpgradeLevels = new Dictionary<string, int> { ["10"] = 1 }, LastAccountedAt = now.AddHours(-10) });

        await using var opened = await chromium.OpenAsync(host, "/kitchen.html");
        var page = opened.Page;
        await page.ClickAsync("summary");
        await page.FillAsync("#token-input", player.Token);
        await page.ClickAsync("#use-token");

        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await Expect(page.Locator("#away")).ToBeVisibleAsync();
        await Expect(page.Locator("#away-seconds")).ToHaveTextAsync("36000");
        await Expect(page.Locator("#away-credited")).ToHaveTextAsync("28800");
        await Expect(page.Locator("#away-cooked")).ToHaveTextAsync("28800");
        await Expect(page.Locator("#away-sold")).ToHaveTextAsync("0");
        await Expect(page.Locator("#away-earned")).ToHaveTextAsync("0");
        await Expect(page.Locator("#dishes")).ToHaveTextAsync("28800");
        await Expect(page.Locator("#auto-cook")).ToHaveTextAsync("1");

        // Staff income is collected while the page is open.
        host.Clock.Advance(TimeSpan.FromSeconds(5));
        await Expect(page.Locator("#dishes")).ToHaveTextAsync("28805");
        await page.ClickAsync("#away-dismiss");
        await Expect(page.Locator("#away")).ToBeHiddenAsync();

        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
    }

    [Fact]
    public async Task Collecting_staff_income_checking_the_rank_and_resetting_for_prestige_go_through_their_buttons()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await player.SeedSessionAsync(s => s with { Money = 5000, RunEarnings = 1_000_000, LifetimeEarnings = 1_000_000, LastAccountedAt = host.Clock.GetUtcNow() });
        await using var opened = await chromium.OpenAsync(host, "/kitchen.html");
        var page = opened.Page;
        await page.ClickAsync("summary");
        await page.FillAsync("#token-input", player.Token);
        await page.ClickAsync("#use-token");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await Expect(page.Locator("#money")).ToHaveTextAsync("5000");
        await Expect(page.Locator("#prestige-gain")).ToHaveTextAsync("10");
        await Expect(page.Locator("#prestige")).ToHaveAttributeAsync("data-ready", "true");

        host.Clock.Advance(TimeSpan.FromSeconds(3));
        await page.ClickAsync("#passive");
        await Expect(page.Locator("#result")).ToHaveTextAsync("Staff income for 3 s: cooked 0, sold 0, earned 0 coins.");

        await page.ClickAsync("#level-check");
        await Expect(page.Locator("#result")).ToHaveTextAsync("10 xp to go for the next rank.");

        await page.ClickAsync("#prestige");
        await Expect(page.Locator("#result")).ToHaveTextAsync("Prestige! +10 points for a run that earned 1000000 coins.");
        await Expect(page.Locator("#prestige-points")).ToHaveTextAsync("10");
        await Expect(page.Locator("#prestige-boost")).ToHaveTextAsync("+20 %");
        await Expect(page.Locator("#money")).ToHaveTextAsync("0");
        await Expect(page.Locator("#run-earnings")).ToHaveTextAsync("0");
        await Expect(page.Locator("#dish-price")).ToHaveTextAsync("6");

        // Once the run is spent, the server refuses another reset, and the page says it verbatim.
        await page.ClickAsync("#prestige");
        await Expect(page.Locator("#error-message")).ToHaveTextAsync("Earn more in this run before resetting for prestige.");
        await Expect(page.Locator("#error-code")).ToHaveTextAsync("(code 29)");
        await Expect(page.Locator("#prestige-points")).ToHaveTextAsync("10");

        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
    }

    [Fact]
    public async Task A_refused_sign_in_shows_the_servers_message_as_it_wrote_it()
    {
        await using var player = await KitchenPlayer.RegisterAsync(host);
        await using var opened = await chromium.OpenAsync(host, "/kitchen.html");
        var page = opened.Page;

        await page.FillAsync("#email", player.Email);
        await page.FillAsync("#password", "another password");
        await page.ClickAsync("#register");

        using var client = host.CreateClient();
        var direct = await (await client.PostAsync("/reg", Support.Json.Body(new { email = player.Email, password = "another password" }))).ReadJsonAsync();
        Assert.Equal(10, direct.GetProperty("status").GetInt32());
        await Expect(page.Locator("#error-message")).ToHaveTextAsync(direct.GetProperty("message").GetString()!);
        await Expect(page.Locator("#error-code")).ToHaveTextAsync("(code 10)");
        await Expect(page.Locator("#signin")).ToBeVisibleAsync();
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "signed-out");

        // A bad pasted token is refused by the socket's session request, and the page says so.
        await page.ClickAsync("summary");
        await page.FillAsync("#token-input", "not-a-token");
        await page.ClickAsync("#use-token");
        await Expect(page.Locator("#error-message")).ToHaveTextAsync("The token is not valid.");
        await Expect(page.Locator("#error-code")).ToHaveTextAsync("(code 2)");
        await Expect(page.Locator("#signin")).ToBeVisibleAsync();

        // The browser reports only the refused registration (HTTP 409), nothing else.
        Assert.NotEmpty(opened.Errors);
        Assert.All(opened.Errors, error => Assert.Contains("409", error, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_landing_page_links_to_the_kitchen_page_which_is_served_with_the_content_security_policy()
    {
        await using var opened = await chromium.OpenAsync(host, "/");
        await opened.Page.ClickAsync("a[href='/kitchen.html']");
        await Expect(opened.Page).ToHaveURLAsync(new Uri(host.BaseAddress, "/kitchen.html").ToString());
        await Expect(opened.Page.Locator("#signin")).ToBeVisibleAsync();
        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));

        using var client = host.CreateClient();
        var response = await client.GetAsync("/kitchen.html");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        // No connect-src of its own: default-src 'self' is what lets the page open ws://<same origin>/ws,
        // which the tests above do (a refused socket would never reach "online").
        var policy = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("default-src 'self'", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("connect-src", policy, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/kitchen.js")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/css/kitchen.css")).StatusCode);
    }

    private static async Task SignInAsync(IPage page, string email, bool register)
    {
        await page.FillAsync("#email", email);
        await page.FillAsync("#password", Password);
        await page.ClickAsync(register ? "#register" : "#login");
        await Expect(page.Locator("#connection")).ToHaveAttributeAsync("data-state", "online");
        await Expect(page.Locator("#game")).ToBeVisibleAsync();
    }
}
