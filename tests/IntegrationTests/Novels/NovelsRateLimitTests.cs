using System.Globalization;
using System.Net;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.Hosting;
using static CleanGames.IntegrationTests.Novels.NovelsApi;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>A host with contract §15's public limits lowered, so a test reaches them quickly.</summary>
public sealed class NovelsTightLimitsHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimiting:Novels:CataloguePerMinute", "3");
        builder.UseSetting("RateLimiting:Novels:ReadingPerMinute", "2");
    }
}

/// <summary>Contract §15: the catalogue and the reading routes are limited per client address, each on its own count.</summary>
public sealed class NovelsRateLimitTests(NovelsTightLimitsHost host) : IClassFixture<NovelsTightLimitsHost>
{
    [Fact]
    public async Task Catalogue_and_reading_each_answer_429_RATE_LIMIT_EXCEEDED_with_Retry_After_past_their_limit()
    {
        var client = host.CreateClient();
        string[] catalogue = ["/api/v1/tags?lang=en", "/api/v1/genres?lang=en", "/api/v1/novels?lang=en"];
        foreach (var path in catalogue)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
        }

        var limited = await client.GetAsync("/api/v1/novels/any-slug?lang=en");
        await AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);

        // Reading counts apart: two reads are served (an unknown chapter is still its 404), the third is refused.
        await AssertErrorAsync(await client.GetAsync("/api/v1/chapters/unknown?lang=en"), HttpStatusCode.NotFound, "CHAPTER_NOT_FOUND");
        await AssertErrorAsync(await client.GetAsync("/api/v1/novels/unknown/chapters"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await client.GetAsync("/api/v1/chapters/unknown?lang=en"), HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");

        // Covers are not in the table: never limited.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/v1/covers/unknown")).StatusCode);
    }
}

/// <summary>A host with contract §15's per-account hourly limits lowered.</summary>
public sealed class NovelsTightAccountLimitsHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("RateLimiting:Novels:BookmarksPerHour", "2");
        builder.UseSetting("RateLimiting:Novels:ContentPerHour", "1");
    }
}

/// <summary>Contract §15: bookmark changes and content creation are limited per account, after 401/403 and before 422.</summary>
public sealed class NovelsAccountRateLimitTests(NovelsTightAccountLimitsHost host) : IClassFixture<NovelsTightAccountLimitsHost>
{
    [Fact]
    public async Task Bookmark_changes_are_limited_per_account_before_the_body_is_read()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Limited")]);
        var id = novel.GetProperty("id").GetString()!;
        var (readerId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        var reader = Reader(host, readerId);

        Assert.Equal(HttpStatusCode.Created, (await reader.PostAsync("/api/v1/bookmarks", Support.Json.Body(new { novel_id = id, list_code = "reading" }))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await reader.PutAsync($"/api/v1/bookmarks/{id}", Support.Json.Body(new { list_code = "planned" }))).StatusCode);

        // The third change in the hour is refused, even a malformed one (429 comes before 422), and changes nothing.
        var limited = await reader.DeleteAsync($"/api/v1/bookmarks/{id}");
        await AssertErrorAsync(limited, HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single(), CultureInfo.InvariantCulture) > 0);
        await AssertErrorAsync(await reader.PostAsync("/api/v1/bookmarks", Support.Json.Body("{not json")), HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        Assert.Equal(1, (await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en")).GetProperty("bookmarks_count").GetInt32());

        // Reading is not a change; another reader has a count of their own; no token is still 401.
        Assert.Equal(HttpStatusCode.OK, (await reader.GetAsync("/api/v1/bookmarks")).StatusCode);
        var (otherId, _, _, _) = await host.CreateClient().RegisterGameClientAsync();
        Assert.Equal(HttpStatusCode.Created, (await Reader(host, otherId).PostAsync("/api/v1/bookmarks", Support.Json.Body(new { novel_id = id, list_code = "reading" }))).StatusCode);
        await AssertErrorAsync(await host.CreateClient().DeleteAsync($"/api/v1/bookmarks/{id}"), HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        // Content creation: the admin made one novel above, the hour's limit; the next is refused, a reader is still 403.
        await AssertErrorAsync(await admin.PostAsync("/api/v1/admin/novels", Support.Json.Body(new { slug = Slug(), translation_status = "ongoing", localizations = new[] { Localization("en", "Two") } })), HttpStatusCode.TooManyRequests, "RATE_LIMIT_EXCEEDED");
        await AssertErrorAsync(await reader.PostAsync("/api/v1/admin/chapters", Support.Json.Body("{not json")), HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }
}
