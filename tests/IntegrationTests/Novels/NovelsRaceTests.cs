using System.Net;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Novels.NovelsApi;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>Racing admin writes: the store's unique keys decide, and a lost version race is re-run, never answered.</summary>
public sealed class NovelsRaceTests(NovelsHost host) : IClassFixture<NovelsHost>
{
    [Fact]
    public async Task Racing_chapters_with_one_number_create_one_and_the_rest_are_CHAPTER_NUMBER_TAKEN()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Raced")]);
        var id = novel.GetProperty("id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(i =>
            admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = id, number = 7, title = $"Seven {i}", contents = new[] { new { lang = "en", content = "x", source = "manual" } } }))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in responses.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await AssertErrorAsync(refused, HttpStatusCode.BadRequest, "CHAPTER_NUMBER_TAKEN");
        }

        var detail = await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en");
        Assert.Equal(1, detail.GetProperty("chapters_published").GetInt32());
    }

    [Fact]
    public async Task Racing_chapters_with_different_numbers_all_publish_and_the_novel_counts_each()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Busy")]);
        var id = novel.GetProperty("id").GetString();

        var responses = await Task.WhenAll(Enumerable.Range(1, 8).Select(n =>
            admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = id, number = n, title = $"Chapter {n}", contents = new[] { new { lang = "en", content = "x", source = "manual" } } }))));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var detail = await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en");
        Assert.Equal(8, detail.GetProperty("chapters_published").GetInt32());
    }

    [Fact]
    public async Task Racing_novels_with_one_new_tag_all_create_and_share_one_tag_and_one_slug_wins_once()
    {
        var admin = Admin(host);
        var tag = Slug("racetag");
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.PostAsync("/api/v1/admin/novels", Body(new { slug = Slug(), translation_status = "ongoing", localizations = new[] { Localization("en", $"Race {i}") }, tags = new[] { tag } }))));
        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var tags = await GetDataAsync(host.CreateClient(), "/api/v1/tags?lang=en");
        var raced = tags.EnumerateArray().Where(t => t.GetProperty("slug").GetString() == tag).ToArray();
        Assert.Single(raced);
        Assert.Equal(6, raced[0].GetProperty("novels_count").GetInt32());

        var slug = Slug();
        var same = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            admin.PostAsync("/api/v1/admin/novels", Body(new { slug, translation_status = "ongoing", localizations = new[] { Localization("en", $"Same {i}") } }))));
        Assert.Single(same, r => r.StatusCode == HttpStatusCode.Created);
        foreach (var refused in same.Where(r => r.StatusCode != HttpStatusCode.Created))
        {
            await AssertErrorAsync(refused, HttpStatusCode.BadRequest, "SLUG_TAKEN");
        }
    }
}
