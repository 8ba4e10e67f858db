using System.Net;
using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;

namespace CleanGames.IntegrationTests.Pages;

/// <summary><c>/</c> in a real Chromium: what this server is, its five products, the links a developer needs, and its health.</summary>
public sealed class LandingPageTests(CleanGamesHost host, ChromiumBrowser chromium) : IClassFixture<CleanGamesHost>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task The_landing_page_loads_without_errors_and_shows_the_products_and_the_servers_health()
    {
        await using var opened = await chromium.OpenAsync(host, "/");
        var page = opened.Page;

        Assert.Equal("CleanGames", await page.TitleAsync());
        await Assertions.Expect(page.Locator("#health")).ToHaveAttributeAsync("data-state", "healthy");
        await Assertions.Expect(page.Locator("#health")).ToContainTextAsync("Server ready");
        Assert.Equal(["mafia", "kitchen", "gateway", "analytics", "novels"], await page.Locator(".product").EvaluateAllAsync<string[]>("items => items.map(i => i.dataset.product)"));
        Assert.Equal("/scalar", await page.Locator("#reference-link").GetAttributeAsync("href"));
        await Assertions.Expect(page.Locator("#reference-note")).ToBeEmptyAsync();
        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
    }

    [Fact]
    public async Task The_page_is_served_with_a_content_security_policy_and_revalidated_on_every_visit()
    {
        using var client = host.CreateClient();
        var response = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("no-cache", response.Headers.CacheControl?.ToString());
        Assert.Contains("default-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/js/landing.js")).StatusCode);
        foreach (var path in new[] { "/analytics", "/novels", "/console", "/playground", "/mafia", "/kitchen.html", "/lib/uplot-1.6.32/uPlot.iife.min.js", "/lib/uplot-1.6.32/LICENSE.txt", "/lib/signalr-10.0.11/signalr.min.js", "/lib/signalr-10.0.11/LICENSE.txt" })
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }
    }
}
