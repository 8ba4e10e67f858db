using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using CleanGames.IntegrationTests.BotAnalytics;
using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;

namespace CleanGames.IntegrationTests.Pages;

/// <summary>
/// <c>/analytics</c>, the Bot Analytics dashboard as a Telegram Mini App, in a real Chromium on a
/// phone-sized screen: opened the way Telegram opens it (the signed init data in the address's
/// fragment), it signs the owner in, draws the bot's daily series, shows the summary and pages the
/// records, downloads the CSV, and shows a refusal in the server's words.
/// </summary>
public sealed class AnalyticsPageTests(BotAnalyticsHost host, ChromiumBrowser chromium) : IClassFixture<BotAnalyticsHost>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task Opened_from_Telegram_it_signs_in_and_shows_the_bots_series_summary_and_records_a_page_at_a_time()
    {
        var telegramId = host.NewTelegramId();
        using var owner = await host.SignInAsync(telegramId);
        var registered = await owner.PostAsync("/api/bots", Support.Json.Body(new { bot_token = host.NewBotToken() }));
        var bot = await registered.EnsureSuccessStatusCode().ReadJsonAsync();
        var uid = bot.GetProperty("uid").GetInt64();

        var now = host.Clock.GetUtcNow();
        var users = Enumerable.Range(1, 25).Select(i => new { user_id = 5000 + i, username = $"reader{i}", reg_date = now.AddHours(-i) }).ToArray();
        var payments = new[]
        {
            new { bill_id = "inv-1", user_id = 5001, amount = 199.99m, currency = "RUB", status = "PAID", date = now.AddHours(-1), kind = "subscription" },
            new { bill_id = "inv-2", user_id = 5002, amount = 100m, currency = "RUB", status = "PAID", date = now.AddHours(-2), kind = "key" },
        };
        await host.IngestAsync(bot.GetProperty("ingest_key").GetString()!, new { users, payments });

        // Telegram opens a Mini App with its launch parameters in the fragment; the theme comes with them.
        var initData = TelegramLogins.InitData(new()
        {
            ["query_id"] = "AAH" + Guid.NewGuid().ToString("N"),
            ["user"] = $$"""{"id":{{telegramId}},"first_name":"Owner"}""",
            ["auth_date"] = now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture),
        });
        var theme = Uri.EscapeDataString("""{"bg_color":"#17212b","text_color":"#f5f5f5","button_color":"#5288c1"}""");
        await using var opened = await chromium.OpenAsync(host, $"/analytics#tgWebAppData={Uri.EscapeDataString(initData)}&tgWebAppVersion=8.0&tgWebAppPlatform=web&tgWebAppThemeParams={theme}");
        var page = opened.Page;
        Assert.Equal("Bot Analytics", await page.TitleAsync());
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync("Signed in with Telegram as Owner.");
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("location.hash"));
        Assert.Equal("#17212b", await page.EvaluateAsync<string>("getComputedStyle(document.documentElement).getPropertyValue('--paper').trim()"));

        // The bot is chosen; its last 30 days are drawn and added up as the API counts them.
        await Assertions.Expect(page.Locator("#bot")).ToHaveValueAsync(uid.ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#series-status")).ToHaveTextAsync(new Regex(@"^30 days: 25 registrations, 2 payments, 0 trials, 1 keys, 0 renewals\.$"));
        await Assertions.Expect(page.Locator("#chart canvas")).ToHaveCountAsync(1);
        await Assertions.Expect(page.Locator("#chart .u-legend")).ToContainTextAsync("Registrations");

        // The summary as the API answers it.
        var tz = await page.Locator("#tz").InputValueAsync();
        var summary = await owner.GetFromJsonAsync<JsonElement>($"/api/bots/{uid}/summary?tz={Uri.EscapeDataString(tz)}");
        await Assertions.Expect(page.Locator("#summary [data-field='total_users'] dd")).ToHaveTextAsync(summary.GetProperty("total_users").GetInt32().ToString(CultureInfo.InvariantCulture));
        await Assertions.Expect(page.Locator("#summary [data-field='total_revenue'] dd")).ToHaveTextAsync("299.99");
        await Assertions.Expect(page.Locator("#summary [data-field='revenue_by_currency'] dd")).ToHaveTextAsync("RUB 299.99");

        // Users a page of 20 at a time, newest first; then the payments.
        await Assertions.Expect(page.Locator("#records-status")).ToHaveTextAsync("25 users; page 1 of 2.");
        await Assertions.Expect(page.Locator("#records tbody tr")).ToHaveCountAsync(20);
        await Assertions.Expect(page.Locator("#records tbody tr").First.Locator("td").First).ToHaveTextAsync("5001");
        await page.ClickAsync("#records-next");
        await Assertions.Expect(page.Locator("#records-status")).ToHaveTextAsync("25 users; page 2 of 2.");
        await Assertions.Expect(page.Locator("#records tbody tr")).ToHaveCountAsync(5);
        await Assertions.Expect(page.Locator("#records-next")).ToBeDisabledAsync();
        await page.SelectOptionAsync("#records-kind", "payments");
        await page.ClickAsync("#records-button");
        await Assertions.Expect(page.Locator("#records-status")).ToHaveTextAsync("2 payments; page 1 of 1.");
        await Assertions.Expect(page.Locator("#records tbody tr").First).ToContainTextAsync("inv-1");

        // The CSV comes as the API names it.
        var start = await page.Locator("#start-date").InputValueAsync();
        var end = await page.Locator("#end-date").InputValueAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("#export-button"));
        Assert.Equal($"analytics-{uid}-{start}-{end}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.StartsWith("date,registrations,payments,trials,keys,renewals\r\n", csv, StringComparison.Ordinal);

        // Comparing with the period before adds the dashed lines; a range the API refuses shows its words.
        await page.SelectOptionAsync("#compare", "previous_period");
        await page.ClickAsync("#range-button");
        await Assertions.Expect(page.Locator("#chart .u-legend")).ToContainTextAsync("Payments before");
        await page.FillAsync("#start-date", end);
        await page.FillAsync("#end-date", start);
        var refused = await owner.GetAsync($"/api/analytics?bot_id={uid}&start_date={end}&end_date={start}&tz={Uri.EscapeDataString(tz)}");
        Assert.Equal(HttpStatusCode.UnprocessableEntity, refused.StatusCode);
        var detail = (await refused.ReadJsonAsync()).GetProperty("detail")[0];
        await page.ClickAsync("#range-button");
        await Assertions.Expect(page.Locator("#series-status")).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(page.Locator("#series-status")).ToContainTextAsync(detail.GetProperty("msg").GetString()!);

        var unexpected = opened.Errors.Where(e => !(e.StartsWith("HTTP 422: ", StringComparison.Ordinal) && e.Contains("/api/analytics?", StringComparison.Ordinal)) && !e.Contains("status of 422", StringComparison.Ordinal)).ToList();
        Assert.True(unexpected.Count == 0, string.Join(Environment.NewLine, unexpected));
    }

    [Fact]
    public async Task Outside_Telegram_it_asks_for_init_data_and_a_forged_one_is_refused_in_the_servers_words()
    {
        await using var opened = await chromium.OpenAsync(host, "/analytics");
        var page = opened.Page;
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync(new Regex("^Not signed in. Open this page from your bot in Telegram"));

        var forged = TelegramLogins.InitData(new() { ["user"] = """{"id":1,"first_name":"Mallory"}""", ["auth_date"] = host.Clock.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture) }, "999:not-the-bot-token");
        using var client = host.CreateClient();
        var refusal = await client.PostAsync("/api/auth/telegram", Support.Json.Body(new { init_data = forged }));
        Assert.Equal(HttpStatusCode.Unauthorized, refusal.StatusCode);
        var words = (await refusal.ReadJsonAsync()).GetProperty("detail").GetString()!;

        await page.ClickAsync("#signin-manual summary");
        await page.FillAsync("#init-data", forged);
        await page.ClickAsync("#init-data-button");
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveTextAsync(words);
        await Assertions.Expect(page.Locator("#signin-status")).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(page.Locator("#signout-button")).ToBeHiddenAsync();
    }
}
