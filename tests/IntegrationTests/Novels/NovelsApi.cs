using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using CleanGames.Application.Common.Abstractions;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>A host whose views job does not fire by itself during a test: tests run it when they mean to.</summary>
public sealed class NovelsHost : CleanGamesHost
{
    protected override void ConfigureHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Novels:ViewsFlushSeconds", "3600");
    }
}

/// <summary>Seed 004 calls the Novels tests share.</summary>
internal static class NovelsApi
{
    public static readonly string[] NovelFields =
    [
        "id", "slug", "cover_image_url", "translation_status", "original_chapters_count", "release_year", "views_daily", "views_total",
        "rating", "rating_count", "bookmarks_count", "created_at", "updated_at", "title", "description", "alt_titles", "author", "tags", "genres", "served_lang",
    ];

    public static readonly string[] ChapterFields = ["id", "novel_id", "number", "slug", "title", "published_at", "views", "comments_count", "created_at"];

    // The smallest valid images of each kind, by their first bytes.
    public static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52];
    public static readonly byte[] Jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46];
    public static readonly byte[] WebP = [.. "RIFF"u8.ToArray(), 0x24, 0x00, 0x00, 0x00, .. "WEBPVP8 "u8.ToArray()];

    public static HttpClient Admin(CleanGamesHost host) => Reader(host, host.AdminId, "admin");

    /// <summary>
    /// A client with a token issued as of real time: JWT lifetimes are checked against real time, and
    /// these tests move the host's clock ahead by hours.
    /// </summary>
    public static HttpClient Reader(CleanGamesHost host, long accountId, params string[] roles)
    {
        var token = host.Services.GetRequiredService<IAccessTokenIssuer>().Issue(accountId, roles, DateTimeOffset.UtcNow, Guid.NewGuid().ToString("N")).Token;
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static string Slug(string prefix = "novel") => prefix + "-" + Guid.NewGuid().ToString("N")[..10];

    public static object Localization(string lang, string title, string? author = null, string[]? altTitles = null, string? description = null) =>
        new { lang, title, description, alt_titles = altTitles ?? [], author };

    public static async Task<JsonElement> CreateNovelAsync(
        HttpClient admin,
        string slug,
        object[] localizations,
        string[]? tags = null,
        string[]? genres = null,
        int? year = 2020,
        string status = "ongoing",
        byte[]? cover = null)
    {
        var response = await admin.PostAsync("/api/v1/admin/novels", Body(new
        {
            slug,
            translation_status = status,
            original_chapters_count = 100,
            release_year = year,
            cover_image = cover is null ? null : Convert.ToBase64String(cover),
            localizations,
            tags = tags ?? [],
            genres = genres ?? [],
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    public static async Task<JsonElement> CreateChapterAsync(HttpClient admin, string novelId, int number, string title, params (string Lang, string Content)[] contents)
    {
        var response = await admin.PostAsync("/api/v1/admin/chapters", Body(new
        {
            novel_id = novelId,
            number,
            title,
            slug = $"chapter-{number}",
            contents = contents.Select(c => new { lang = c.Lang, content = c.Content, source = "manual" }).ToArray(),
        }));
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    public static async Task<JsonElement> GetDataAsync(HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var json = await response.ReadJsonAsync();
        return json.GetProperty("data");
    }

    /// <summary>Asserts a Novels error: status, code, a <c>details</c> list and <c>meta.request_id</c>; answers the fields named in <c>details</c>.</summary>
    public static async Task<string[]> AssertErrorAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status} {code}, got {(int)response.StatusCode}: {raw}");
        var json = JsonDocument.Parse(raw).RootElement;
        AssertProperties(json, "error", "meta");
        AssertProperties(json.GetProperty("error"), "code", "message", "details");
        AssertProperties(json.GetProperty("meta"), "timestamp", "request_id");
        Assert.Equal(code, json.GetProperty("error").GetProperty("code").GetString());
        Assert.Equal(JsonValueKind.Array, json.GetProperty("error").GetProperty("details").ValueKind);
        return json.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("field").GetString()!).ToArray();
    }

    public static async Task AssertValidationAsync(HttpResponseMessage response, params string[] fields)
    {
        var named = await AssertErrorAsync(response, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR");
        Assert.NotEmpty(named);
        foreach (var field in fields)
        {
            Assert.Contains(field, named);
        }
    }

    public static string[] Slugs(JsonElement items) => items.EnumerateArray().Select(n => n.GetProperty("slug").GetString()!).ToArray();
}
