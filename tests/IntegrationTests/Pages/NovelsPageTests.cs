using CleanGames.IntegrationTests.Novels;
using CleanGames.IntegrationTests.Support;
using Microsoft.Playwright;
using static CleanGames.IntegrationTests.Novels.NovelsApi;

namespace CleanGames.IntegrationTests.Pages;

/// <summary>
/// <c>/novels</c> in a real Chromium on a phone-sized screen: the catalogue in the chosen language,
/// a search and a genre filter, a novel's page with its chapters, and a chapter read to the next one
/// and back, with the browser's Back; markup in a chapter stays text.
/// </summary>
public sealed class NovelsPageTests(NovelsHost host, ChromiumBrowser chromium) : IClassFixture<NovelsHost>, IClassFixture<ChromiumBrowser>
{
    [Fact]
    public async Task A_reader_finds_a_novel_opens_it_and_reads_two_chapters_in_their_language()
    {
        var admin = Admin(host);
        var marker = Guid.NewGuid().ToString("N")[..8];
        var slug = Slug("mage");
        var novel = await CreateNovelAsync(admin, slug,
            [Localization("en", $"The Shadow Mage {marker}", "Ivan Petrov", description: "A mage in the dark."), Localization("ru", $"Теневой маг {marker}", "Иван Петров")],
            genres: ["fantasy"], cover: Png);
        await CreateNovelAsync(admin, Slug("other"), [Localization("en", $"A Quiet Garden {marker}", "Ann Lee")], genres: ["romance"]);
        var id = novel.GetProperty("id").GetString()!;
        await CreateChapterAsync(admin, id, 1, "The Door", ("en", "One two three <b>four</b>"), ("ru", "Раз два три"));
        await CreateChapterAsync(admin, id, 2, "The Key", ("en", "Five six"), ("ru", "Пять шесть"));

        await using var opened = await chromium.OpenAsync(host, "/novels");
        var page = opened.Page;
        Assert.Equal("Novels", await page.TitleAsync());

        // The catalogue: a search by the marker finds both; the genre filter narrows it to one.
        await page.FillAsync("#search", marker);
        await page.ClickAsync("#search-button");
        await Assertions.Expect(page.Locator("#catalogue-status")).ToHaveTextAsync("2 novels; page 1 of 1.");
        await page.SelectOptionAsync("#genre", "fantasy");
        await page.ClickAsync("#search-button");
        await Assertions.Expect(page.Locator("#novels li")).ToHaveCountAsync(1);
        var card = page.Locator($"#novels li[data-slug='{slug}']");
        await Assertions.Expect(card).ToContainTextAsync("Ivan Petrov");
        await Assertions.Expect(card.Locator(".tag")).ToContainTextAsync(["Fantasy"]);

        // The novel's page: its description, cover and chapters.
        await card.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("#novel-title")).ToHaveTextAsync($"The Shadow Mage {marker}");
        await Assertions.Expect(page.Locator("#novel-description")).ToHaveTextAsync("A mage in the dark.");
        await Assertions.Expect(page.Locator("#novel-meta")).ToContainTextAsync("2 chapters");
        await Assertions.Expect(page.Locator("#novel-cover")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#chapters li")).ToHaveCountAsync(2);

        // Read chapter 1 (markup stays text), go on to chapter 2, then back.
        await page.Locator("#chapters li a").First.ClickAsync();
        await Assertions.Expect(page.Locator("#chapter-title")).ToHaveTextAsync("1. The Door");
        await Assertions.Expect(page.Locator("#chapter-content")).ToHaveTextAsync("One two three <b>four</b>");
        Assert.Equal(0, await page.Locator("#chapter-content b").CountAsync());
        await Assertions.Expect(page.Locator("#chapter-prev")).ToBeDisabledAsync();
        await page.ClickAsync("#chapter-next");
        await Assertions.Expect(page.Locator("#chapter-title")).ToHaveTextAsync("2. The Key");
        await Assertions.Expect(page.Locator("#chapter-next")).ToBeDisabledAsync();
        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#chapter-title")).ToHaveTextAsync("1. The Door");

        // In Russian the same chapter reads in Russian.
        await page.SelectOptionAsync("#lang", "ru");
        await Assertions.Expect(page.Locator("#chapter-content")).ToHaveTextAsync("Раз два три");
        await page.ClickAsync("#back-to-novel");
        await Assertions.Expect(page.Locator("#novel-title")).ToHaveTextAsync($"Теневой маг {marker}");
        Assert.True(opened.Errors.Count == 0, string.Join(Environment.NewLine, opened.Errors));
    }

    [Fact]
    public async Task A_signed_in_readers_place_reaches_the_accounts_other_tab_at_once()
    {
        var admin = Admin(host);
        var slug = Slug("synced");
        var novel = await CreateNovelAsync(admin, slug, [Localization("en", "Two Tabs")]);
        var id = novel.GetProperty("id").GetString()!;
        await CreateChapterAsync(admin, id, 1, "First", ("en", "one"));
        var second = await CreateChapterAsync(admin, id, 2, "Second", ("en", "two"));
        var email = $"reader-{Guid.NewGuid():N}@example.com";
        var registered = await host.CreateClient().PostAsync("/api/v1/auth/register", Support.Json.Body(new { email, password = "correct horse battery", display_name = "Reader" }));
        Assert.Equal(System.Net.HttpStatusCode.Created, registered.StatusCode);

        async Task<BrowserPage> SignedInAsync(string fragment)
        {
            var opened = await chromium.OpenAsync(host, "/novels" + fragment);
            await opened.Page.ClickAsync("#account summary");
            await opened.Page.FillAsync("#signin-email", email);
            await opened.Page.FillAsync("#signin-password", "correct horse battery");
            await opened.Page.ClickAsync("#signin-button");
            await Assertions.Expect(opened.Page.Locator("#signin-status")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Signed in as account \d+\.$"));
            return opened;
        }

        // The second tab waits on the novel's page: no place yet.
        await using var watching = await SignedInAsync($"#novel/{slug}");
        await Assertions.Expect(watching.Page.Locator("#novel-title")).ToHaveTextAsync("Two Tabs");
        await Assertions.Expect(watching.Page.Locator("#continue")).ToBeHiddenAsync();

        // Reading chapter 2 in the first tab saves the place; the second hears it on /hubs/reader without reloading.
        await using var reading = await SignedInAsync($"#chapter/{second.GetProperty("id").GetString()}");
        await Assertions.Expect(reading.Page.Locator("#chapter-title")).ToHaveTextAsync("2. Second");
        await Assertions.Expect(watching.Page.Locator("#synced")).ToHaveTextAsync("Your place was saved: chapter 2.");
        await Assertions.Expect(watching.Page.Locator("#continue-link")).ToHaveTextAsync("Continue with chapter 2");

        // And the place is the novel's user_progress for that reader on a fresh load.
        await reading.Page.ClickAsync("#back-to-novel");
        await reading.Page.EvaluateAsync($"location.hash = '#novel/{slug}'");
        await Assertions.Expect(reading.Page.Locator("#continue-link")).ToHaveTextAsync("Continue with chapter 2");
        Assert.True(watching.Errors.Count == 0, string.Join(Environment.NewLine, watching.Errors));
        Assert.True(reading.Errors.Count == 0, string.Join(Environment.NewLine, reading.Errors));
    }

    [Fact]
    public async Task An_unknown_novel_shows_the_servers_words()
    {
        var refused = await host.CreateClient().GetAsync("/api/v1/novels/no-such-novel?lang=en");
        var words = (await refused.ReadJsonAsync()).GetProperty("error").GetProperty("message").GetString()!;

        await using var opened = await chromium.OpenAsync(host, "/novels#novel/no-such-novel");
        await Assertions.Expect(opened.Page.Locator("#status")).ToHaveAttributeAsync("data-state", "error");
        await Assertions.Expect(opened.Page.Locator("#status")).ToHaveTextAsync(words);
    }
}
