using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;

namespace CleanGames.IntegrationTests.Pages;

/// <summary><c>/playground</c> in a real Chromium: sign in through a product's route, open realtime endpoints, send frames, watch them.</summary>
public sealed class PlaygroundTests(CleanGamesHost host, ChromiumBrowser chromium) : IClassFixture<CleanGamesHost>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task The_playground_registers_signs_in_and_round_trips_system_ping_on_the_gateway()
    {
        await using var opened = await chromium.OpenAsync(host, "/playground");
        var page = opened.Page;
        Assert.Equal("CleanGames playground", await page.TitleAsync());

        var name = Accounts.UniqueName("pg");
        await page.SelectOptionAsync("#signin-route", "gateway");
        await page.FillAsync("#signin-login", name);
        await page.FillAsync("#signin-email", name + "@example.com");
        await page.FillAsync("#signin-password", "correct horse battery");
        await page.ClickAsync("#register-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync("Signed in: the access token is below.");
        var token = await page.InputValueAsync("#token");
        Assert.Matches(@"^[\w-]+\.[\w-]+\.[\w-]+$", token);

        await page.SelectOptionAsync("#endpoint", "gateway");
        await page.ClickAsync("#connect-button");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected to /v1/connect.");
        await Assertions.Expect(page.Locator("#log li[data-dir='in']", new() { HasTextString = "\"type\":\"hello\"" })).ToHaveCountAsync(1);

        await page.SelectOptionAsync("#template", "system.ping");
        var sent = await page.InputValueAsync("#frame");
        await page.ClickAsync("#send-button");
        var requestId = System.Text.Json.JsonDocument.Parse(sent).RootElement.GetProperty("request_id").GetString()!;
        var reply = page.Locator("#log li[data-dir='in']", new() { HasTextString = requestId });
        await Assertions.Expect(reply).ToHaveCountAsync(1);
        var replyText = await reply.Locator(".text").TextContentAsync();
        var frame = System.Text.Json.JsonDocument.Parse(replyText!).RootElement;
        Assert.Equal(("reply", true), (frame.GetProperty("type").GetString(), frame.GetProperty("ok").GetBoolean()));
        Assert.True(frame.GetProperty("payload").TryGetProperty("server_time", out _));

        await page.ClickAsync("#disconnect-button");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^Closed \\(code 1000"));
        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
    }

    [Fact]
    public async Task The_playground_speaks_a_hubs_json_protocol_and_shows_a_refusal_as_the_server_wrote_it()
    {
        var (id, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        await using var opened = await chromium.OpenAsync(host, "/playground");
        var page = opened.Page;
        await page.FillAsync("#token", host.IssueToken(id));

        await page.SelectOptionAsync("#endpoint", "hub-kitchen");
        await page.ClickAsync("#connect-button");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected to /hubs/kitchen.");
        await Assertions.Expect(page.Locator("#log li[data-dir='in'] .text", new() { HasTextRegex = new System.Text.RegularExpressions.Regex("^\\{\\}$") })).ToHaveCountAsync(1);

        await page.SelectOptionAsync("#template", "session");
        await page.ClickAsync("#send-button");
        await Assertions.Expect(page.Locator("#log li[data-dir='in']", new() { HasTextString = "\"type\":3" })).ToHaveCountAsync(1);
        Assert.Contains("\"session\"", await page.Locator("#log li[data-dir='in']", new() { HasTextString = "\"type\":3" }).TextContentAsync(), StringComparison.Ordinal);
        await page.ClickAsync("#disconnect-button");

        // Novels' reader hub: its ping answers "pong" once the connection has joined the account's group.
        await page.SelectOptionAsync("#endpoint", "hub-reader");
        await page.ClickAsync("#connect-button");
        await Assertions.Expect(page.Locator("#connection-status")).ToHaveTextAsync("Connected to /hubs/reader.");
        await page.SelectOptionAsync("#template", "ping (joined)");
        await page.ClickAsync("#send-button");
        await Assertions.Expect(page.Locator("#log li[data-dir='in']", new() { HasTextString = "\"result\":\"pong\"" })).ToHaveCountAsync(1);
        await page.ClickAsync("#disconnect-button");

        // A refused sign-in shows the server's own answer.
        await page.SelectOptionAsync("#signin-route", "novels");
        await page.FillAsync("#signin-login", "nobody-" + Guid.NewGuid().ToString("N")[..8] + "@example.com");
        await page.FillAsync("#signin-password", "wrong password 123");
        await page.ClickAsync("#signin-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToContainTextAsync("Sign-in refused (HTTP 401)");
        await Assertions.Expect(page.Locator("#log li[data-dir='error']", new() { HasTextString = "401" })).ToHaveCountAsync(1);
        Assert.True(opened.Errors.Count(e => !e.Contains("401", StringComparison.Ordinal)) == 0, string.Join(Environment.NewLine, opened.Errors));
    }
}
