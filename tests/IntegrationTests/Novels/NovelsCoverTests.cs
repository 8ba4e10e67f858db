using System.Net;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Novels.NovelsApi;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>Covers stored from <c>POST /admin/novels</c> and served at <c>cover_image_url</c> (contract §3 Covers).</summary>
public sealed class NovelsCoverTests(NovelsHost host) : IClassFixture<NovelsHost>
{
    [Theory]
    [InlineData("png")]
    [InlineData("jpeg")]
    [InlineData("webp")]
    public async Task A_cover_is_served_at_its_absolute_url_with_its_type_and_caching_headers(string kind)
    {
        var bytes = kind switch { "png" => Png, "jpeg" => Jpeg, _ => WebP };
        var novel = await CreateNovelAsync(Admin(host), Slug(), [Localization("en", "Covered")], cover: bytes);
        var id = novel.GetProperty("id").GetString();
        var url = novel.GetProperty("cover_image_url").GetString()!;
        Assert.Equal($"{host.BaseAddress.Scheme}://{host.BaseAddress.Authority}/api/v1/covers/{id}", url);

        var client = host.CreateClient();
        var response = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/" + kind, response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(bytes, await response.Content.ReadAsByteArrayAsync());
        Assert.True(response.Headers.CacheControl!.Public);
        Assert.Equal(TimeSpan.FromDays(365), response.Headers.CacheControl.MaxAge);
        Assert.Contains("immutable", response.Headers.CacheControl.ToString(), StringComparison.Ordinal);
        var etag = response.Headers.ETag!;
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes)), etag.Tag.Trim('"'));

        var conditional = new HttpRequestMessage(HttpMethod.Get, url);
        conditional.Headers.IfNoneMatch.Add(etag);
        var notModified = await client.SendAsync(conditional);
        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Empty(await notModified.Content.ReadAsByteArrayAsync());

        // The detail and the catalogue carry the same URL.
        var detail = await GetDataAsync(client, $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en");
        Assert.Equal(url, detail.GetProperty("cover_image_url").GetString());
    }

    [Fact]
    public async Task No_cover_and_an_unknown_novel_are_404_NOT_FOUND()
    {
        var novel = await CreateNovelAsync(Admin(host), Slug(), [Localization("en", "Bare")]);
        var client = host.CreateClient();
        await AssertErrorAsync(await client.GetAsync($"/api/v1/covers/{novel.GetProperty("id").GetString()}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await client.GetAsync($"/api/v1/covers/{Guid.NewGuid()}"), HttpStatusCode.NotFound, "NOT_FOUND");
        await AssertErrorAsync(await client.GetAsync("/api/v1/covers/garbage"), HttpStatusCode.NotFound, "NOT_FOUND");
    }
}
