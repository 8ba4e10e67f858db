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
