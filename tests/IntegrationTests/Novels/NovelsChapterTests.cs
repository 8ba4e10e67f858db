using System.Net;
using System.Text.Json;
using CleanGames.Application.Novels.Views.Commands.AggregateChapterViews;
using CleanGames.IntegrationTests.Support;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using static CleanGames.IntegrationTests.Novels.NovelsApi;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>Seed 004 <c>GET /novels/{slug}/chapters</c> and <c>GET /chapters/{id}</c>, and chapter views with their Quartz aggregation (contract §3–§4).</summary>
public sealed class NovelsChapterTests(NovelsHost host) : IClassFixture<NovelsHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private async Task<(JsonElement Novel, JsonElement[] Chapters)> NovelWithChaptersAsync(params int[] numbers)
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Chapters"), Localization("ru", "Главы")]);
        var chapters = new List<JsonElement>();
        foreach (var number in numbers)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            chapters.Add(await CreateChapterAsync(admin, novel.GetProperty("id").GetString()!, number, $"Chapter {number}", ("en", $"Text of chapter {number}"), ("ru", $"Текст главы {number}")));
        }

        return (novel, chapters.ToArray());
    }

    private async Task<long> AggregateAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AggregateChapterViewsCommand());
    }

    [Fact]
    public async Task Chapters_list_by_number_by_default_and_by_creation_or_views_on_request()
    {
        var (novel, chapters) = await NovelWithChaptersAsync(1, 3, 2);
        var slug = novel.GetProperty("slug").GetString();

        var response = await _client.GetAsync($"/api/v1/novels/{slug}/chapters?lang=ru");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "pagination", "meta");
        AssertProperties(json.GetProperty("data"), "chapters", "novel");
        AssertProperties(json.GetProperty("data").GetProperty("novel"), NovelFields);
        Assert.Equal("Главы", json.GetProperty("data").GetProperty("novel").GetProperty("title").GetString());
        AssertProperties(json.GetProperty("data").GetProperty("chapters")[0], ChapterFields);
        Assert.Equal(3, json.GetProperty("pagination").GetProperty("total_items").GetInt32());

        int[] Numbers(JsonElement data) => data.GetProperty("chapters").EnumerateArray().Select(c => c.GetProperty("number").GetInt32()).ToArray();
        Assert.Equal(new[] { 1, 2, 3 }, Numbers(json.GetProperty("data")));
        Assert.Equal(new[] { 3, 2, 1 }, Numbers(await GetDataAsync(_client, $"/api/v1/novels/{slug}/chapters?order=desc")));
        Assert.Equal(new[] { 1, 3, 2 }, Numbers(await GetDataAsync(_client, $"/api/v1/novels/{slug}/chapters?sort=created_at")));
        Assert.Equal(new[] { 2, 3, 1 }, Numbers(await GetDataAsync(_client, $"/api/v1/novels/{slug}/chapters?sort=created_at&order=desc")));
        Assert.Equal(new[] { 2 }, Numbers(await GetDataAsync(_client, $"/api/v1/novels/{slug}/chapters?limit=1&page=2")));

        await AssertValidationAsync(await _client.GetAsync($"/api/v1/novels/{slug}/chapters?sort=title"), "sort");
        await AssertValidationAsync(await _client.GetAsync($"/api/v1/novels/{slug}/chapters?order=sideways"), "order");
        await AssertValidationAsync(await _client.GetAsync($"/api/v1/novels/{slug}/chapters?limit=101"), "limit");

        // By views: the chapter read most comes first in desc.
        await _client.GetAsync($"/api/v1/chapters/{chapters[1].GetProperty("id").GetString()}?lang=en");
        await AggregateAsync();
        Assert.Equal(new[] { 3, 1, 2 }, Numbers(await GetDataAsync(_client, $"/api/v1/novels/{slug}/chapters?sort=views&order=desc")));
    }

    [Fact]
    public async Task A_chapter_reads_in_its_language_with_word_count_reading_time_and_neighbours()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Reading")]);
        var id = novel.GetProperty("id").GetString()!;
        var words600 = string.Join(' ', Enumerable.Repeat("word", 600));
        var first = await CreateChapterAsync(admin, id, 1, "First", ("en", "alpha"));
        var middle = await CreateChapterAsync(admin, id, 5, "Middle", ("en", words600), ("zh", "我爱你，世界 hello"));
        var last = await CreateChapterAsync(admin, id, 9, "Last", ("en", "omega"));

        var response = await _client.GetAsync($"/api/v1/chapters/{middle.GetProperty("id").GetString()}?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "meta");
        var chapter = json.GetProperty("data");
        AssertProperties(chapter, [.. ChapterFields, "content", "source", "word_count", "reading_time_minutes", "prev_chapter", "next_chapter"]);
        Assert.Equal(words600, chapter.GetProperty("content").GetString());
        Assert.Equal("manual", chapter.GetProperty("source").GetString());
        Assert.Equal(600, chapter.GetProperty("word_count").GetInt32());
        Assert.Equal(3, chapter.GetProperty("reading_time_minutes").GetInt32());
        AssertProperties(chapter.GetProperty("prev_chapter"), "id", "number", "title");
        Assert.Equal((first.GetProperty("id").GetString(), 1, "First"), (chapter.GetProperty("prev_chapter").GetProperty("id").GetString(), chapter.GetProperty("prev_chapter").GetProperty("number").GetInt32(), chapter.GetProperty("prev_chapter").GetProperty("title").GetString()));
        Assert.Equal(last.GetProperty("id").GetString(), chapter.GetProperty("next_chapter").GetProperty("id").GetString());

        // CJK characters count one each, the Latin word once, punctuation not at all.
        var zh = await GetDataAsync(_client, $"/api/v1/chapters/{middle.GetProperty("id").GetString()}?lang=zh");
        Assert.Equal(("我爱你，世界 hello", 6, 1), (zh.GetProperty("content").GetString(), zh.GetProperty("word_count").GetInt32(), zh.GetProperty("reading_time_minutes").GetInt32()));

        // Without content in the language: the first content. At either end, null neighbours.
        var firstInKo = await GetDataAsync(_client, $"/api/v1/chapters/{first.GetProperty("id").GetString()}?lang=ko");
        Assert.Equal("alpha", firstInKo.GetProperty("content").GetString());
        Assert.Equal(JsonValueKind.Null, firstInKo.GetProperty("prev_chapter").ValueKind);
        Assert.Equal(JsonValueKind.Null, (await GetDataAsync(_client, $"/api/v1/chapters/{last.GetProperty("id").GetString()}?lang=en")).GetProperty("next_chapter").ValueKind);
    }

    [Fact]
    public async Task An_unknown_or_malformed_chapter_id_is_404_CHAPTER_NOT_FOUND()
    {
        await AssertErrorAsync(await _client.GetAsync($"/api/v1/chapters/{Guid.NewGuid()}?lang=en"), HttpStatusCode.NotFound, "CHAPTER_NOT_FOUND");
        await AssertErrorAsync(await _client.GetAsync("/api/v1/chapters/12345?lang=en"), HttpStatusCode.NotFound, "CHAPTER_NOT_FOUND");
        await AssertErrorAsync(await _client.GetAsync("/api/v1/chapters/not%20an%20id?lang=en"), HttpStatusCode.NotFound, "CHAPTER_NOT_FOUND");
    }

    [Fact]
    public async Task A_read_counts_once_per_reader_per_hour_and_is_written_by_the_aggregation()
    {
        var (novel, chapters) = await NovelWithChaptersAsync(1, 2);
        var slug = novel.GetProperty("slug").GetString();
        var chapter = chapters[0].GetProperty("id").GetString();
        var reader = Admin(host);
        var anotherReader = Reader(host, 777001);

        // The same account three times, another account once, and anonymous twice from one address: 3 views.
        for (var i = 0; i < 3; i++)
        {
            await GetDataAsync(reader, $"/api/v1/chapters/{chapter}?lang=en");
        }

        await GetDataAsync(anotherReader, $"/api/v1/chapters/{chapter}?lang=en");
        await GetDataAsync(_client, $"/api/v1/chapters/{chapter}?lang=en");
        await GetDataAsync(_client, $"/api/v1/chapters/{chapter}?lang=en");

        // Nothing is written per read: until the aggregation the figures stay.
        Assert.Equal(0, (await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en")).GetProperty("views_total").GetInt64());

        Assert.Equal(3, await AggregateAsync());
        var detail = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal((3, 3), (detail.GetProperty("views_total").GetInt64(), detail.GetProperty("views_daily").GetInt64()));
        Assert.Equal(3, (await GetDataAsync(_client, $"/api/v1/chapters/{chapter}?lang=en")).GetProperty("views").GetInt64());

        // Run twice: nothing new, nothing changes.
        Assert.Equal(0, await AggregateAsync());
        Assert.Equal(3, (await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en")).GetProperty("views_total").GetInt64());

        // Within the hour the same readers do not count again; an hour later they do.
        host.Clock.Advance(TimeSpan.FromMinutes(59));
        await GetDataAsync(reader, $"/api/v1/chapters/{chapter}?lang=en");
        Assert.Equal(0, await AggregateAsync());
        host.Clock.Advance(TimeSpan.FromMinutes(2));
        await GetDataAsync(reader, $"/api/v1/chapters/{chapter}?lang=en");
        await GetDataAsync(reader, $"/api/v1/chapters/{chapters[1].GetProperty("id").GetString()}?lang=en");
        Assert.Equal(2, await AggregateAsync());
        detail = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal((5, 5), (detail.GetProperty("views_total").GetInt64(), detail.GetProperty("views_daily").GetInt64()));

        // views_daily is the last 24 hours: the first three leave it a day later, the total keeps them.
        host.Clock.Advance(TimeSpan.FromHours(23));
        await AggregateAsync();
        detail = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal((5, 2), (detail.GetProperty("views_total").GetInt64(), detail.GetProperty("views_daily").GetInt64()));
        host.Clock.Advance(TimeSpan.FromHours(2));
        await AggregateAsync();
        detail = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal((5, 0), (detail.GetProperty("views_total").GetInt64(), detail.GetProperty("views_daily").GetInt64()));

        // The catalogue sorts by the aggregated figures.
        var byTotal = await GetDataAsync(_client, $"/api/v1/novels?lang=en&sort=views_total&order=desc&limit=1");
        Assert.Equal(slug, byTotal.GetProperty("novels")[0].GetProperty("slug").GetString());
    }

    [Fact]
    public async Task The_views_job_is_on_Quartz_and_sends_the_aggregation()
    {
        var (novel, chapters) = await NovelWithChaptersAsync(1);
        await GetDataAsync(Reader(host, 777002), $"/api/v1/chapters/{chapters[0].GetProperty("id").GetString()}?lang=en");

        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var key = new JobKey("novels.chapter-views");
        Assert.NotNull(await scheduler.GetJobDetail(key));
        Assert.Single(await scheduler.GetTriggersOfJob(key));
        await scheduler.TriggerJob(key);

        var deadline = DateTime.UtcNow.AddSeconds(15);
        long total;
        do
        {
            await Task.Delay(100);
            total = (await GetDataAsync(_client, $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en")).GetProperty("views_total").GetInt64();
        }
        while (total == 0 && DateTime.UtcNow < deadline);

        Assert.Equal(1, total);
    }
}
