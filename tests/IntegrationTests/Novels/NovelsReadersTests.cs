using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using Microsoft.AspNetCore.SignalR.Client;
using static CleanGames.IntegrationTests.Novels.NovelsApi;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>Seed 004 reading progress and bookmarks (contract §6, §7), <c>NovelDetail.user_progress</c>/<c>user_bookmark</c> and the <c>/hubs/reader</c> pushes.</summary>
public sealed class NovelsReadersTests(NovelsHost host) : IClassFixture<NovelsHost>
{
    private static readonly string[] ProgressFields = ["novel_id", "chapter_id", "chapter_number", "position", "updated_at"];
    private static readonly string[] BookmarkFields = ["novel", "list", "progress", "created_at", "updated_at"];

    private readonly HttpClient _anonymous = host.CreateClient();

    private sealed record ReaderAccount(HttpClient Client, string Token, string Id);

    private async Task<ReaderAccount> NewReaderAsync()
    {
        var response = await _anonymous.PostAsync("/api/v1/auth/register", Body(new { email = Accounts.UniqueName() + "@example.com", password = "password123", display_name = "Reader" }));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        var token = data.GetProperty("access_token").GetString()!;
        return new ReaderAccount(host.CreateClient().WithBearer(token), token, data.GetProperty("user").GetProperty("id").GetString()!);
    }

    private async Task<(string NovelId, string Slug, string[] ChapterIds)> NovelWithChaptersAsync(int chapters = 2, string enTitle = "Readers' novel", string ruTitle = "Новелла")
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug("readers"), [Localization("ru", ruTitle), Localization("en", enTitle)]);
        var id = novel.GetProperty("id").GetString()!;
        var ids = new List<string>();
        for (var n = 1; n <= chapters; n++)
        {
            ids.Add((await CreateChapterAsync(admin, id, n, $"Chapter {n}", ("en", "some words here"))).GetProperty("id").GetString()!);
        }

        return (id, novel.GetProperty("slug").GetString()!, ids.ToArray());
    }

    private static Task<HttpResponseMessage> SaveAsync(HttpClient client, string novelId, string chapterId, int position) =>
        client.PostAsync("/api/v1/progress", Body(new { novel_id = novelId, chapter_id = chapterId, position }));

    private static async Task<JsonElement> ReadAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        var raw = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {raw}");
        var json = JsonDocument.Parse(raw).RootElement;
        AssertProperties(json, "data", "meta");
        return json.GetProperty("data");
    }

    private async Task<int> BookmarksCountAsync(string slug) =>
        (await GetDataAsync(_anonymous, $"/api/v1/novels/{slug}?lang=en")).GetProperty("bookmarks_count").GetInt32();

    [Theory]
    [InlineData("POST", "/api/v1/progress")]
    [InlineData("GET", "/api/v1/progress/0190c0de-0000-7000-8000-000000000000")]
    [InlineData("GET", "/api/v1/bookmarks")]
    [InlineData("POST", "/api/v1/bookmarks")]
    [InlineData("PUT", "/api/v1/bookmarks/0190c0de-0000-7000-8000-000000000000")]
    [InlineData("DELETE", "/api/v1/bookmarks/0190c0de-0000-7000-8000-000000000000")]
    public async Task Reader_routes_answer_401_without_a_token(string method, string path)
    {
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method is "POST" or "PUT")
        {
            request.Content = Body(new { list_code = "reading" });
        }

        var response = await _anonymous.SendAsync(request);
        await AssertErrorAsync(response, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("Bearer", response.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        using var forged = host.CreateClient().WithBearer("not.a.token");
        await AssertErrorAsync(await forged.SendAsync(new HttpRequestMessage(new HttpMethod(method), path) { Content = method is "POST" or "PUT" ? Body(new { list_code = "reading" }) : null }), HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Progress_is_saved_with_the_seed_shape_and_a_later_write_replaces_it_even_with_an_earlier_chapter()
    {
        var reader = await NewReaderAsync();
        var (novelId, _, chapters) = await NovelWithChaptersAsync();

        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await reader.Client.GetAsync($"/api/v1/progress/{novelId}"), HttpStatusCode.OK)).ValueKind);

        var saved = await ReadAsync(await SaveAsync(reader.Client, novelId, chapters[1], 1250), HttpStatusCode.OK);
        AssertProperties(saved, "message", "progress");
        Assert.Equal("Progress saved", saved.GetProperty("message").GetString());
        var progress = saved.GetProperty("progress");
        AssertProperties(progress, ProgressFields);
        Assert.Equal(novelId, progress.GetProperty("novel_id").GetString());
        Assert.Equal(chapters[1], progress.GetProperty("chapter_id").GetString());
        Assert.Equal(2, progress.GetProperty("chapter_number").GetInt32());
        Assert.Equal(1250, progress.GetProperty("position").GetInt32());
        var firstAt = progress.GetProperty("updated_at").GetDateTimeOffset();

        var read = await ReadAsync(await reader.Client.GetAsync($"/api/v1/progress/{novelId}"), HttpStatusCode.OK);
        Assert.Equal(progress.ToString(), read.ToString());

        host.Clock.Advance(TimeSpan.FromSeconds(5));
        var earlier = (await ReadAsync(await SaveAsync(reader.Client, novelId, chapters[0], 0), HttpStatusCode.OK)).GetProperty("progress");
        Assert.Equal(chapters[0], earlier.GetProperty("chapter_id").GetString());
        Assert.Equal(1, earlier.GetProperty("chapter_number").GetInt32());
        Assert.Equal(0, earlier.GetProperty("position").GetInt32());
        Assert.True(earlier.GetProperty("updated_at").GetDateTimeOffset() > firstAt);
        Assert.Equal(earlier.ToString(), (await ReadAsync(await reader.Client.GetAsync($"/api/v1/progress/{novelId}"), HttpStatusCode.OK)).ToString());

        // Another reader has their own progress.
        var other = await NewReaderAsync();
        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await other.Client.GetAsync($"/api/v1/progress/{novelId}"), HttpStatusCode.OK)).ValueKind);
    }

    [Fact]
    public async Task Refused_progress_writes_answer_the_contract_codes_and_save_nothing()
    {
        var reader = await NewReaderAsync();
        var (novelId, _, chapters) = await NovelWithChaptersAsync(1);
        var (_, _, otherChapters) = await NovelWithChaptersAsync(1);
        const string unknown = "0190c0de-0000-7000-8000-000000000000";

        await AssertErrorAsync(await SaveAsync(reader.Client, unknown, chapters[0], 1), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await SaveAsync(reader.Client, "not-an-id", chapters[0], 1), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await SaveAsync(reader.Client, new string('x', 300), chapters[0], 1), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await SaveAsync(reader.Client, novelId, unknown, 1), HttpStatusCode.NotFound, "CHAPTER_NOT_FOUND");
        await AssertErrorAsync(await SaveAsync(reader.Client, novelId, "nope", 1), HttpStatusCode.NotFound, "CHAPTER_NOT_FOUND");
        await AssertValidationAsync(await SaveAsync(reader.Client, novelId, otherChapters[0], 1), "chapter_id");
        await AssertValidationAsync(await SaveAsync(reader.Client, novelId, chapters[0], -1), "position");
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/progress", Body(new { novel_id = novelId, chapter_id = chapters[0] })), "position");
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/progress", Body($"{{\"novel_id\":\"{novelId}\",\"chapter_id\":\"{chapters[0]}\",\"position\":\"12\"}}")));
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/progress", Body("{\"novel_id\":")));
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/progress", Body(new { chapter_id = chapters[0], position = 1 })), "novel_id");

        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await reader.Client.GetAsync($"/api/v1/progress/{novelId}"), HttpStatusCode.OK)).ValueKind);
        await AssertErrorAsync(await reader.Client.GetAsync($"/api/v1/progress/{unknown}"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await reader.Client.GetAsync("/api/v1/progress/garbage"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
    }

    [Fact]
    public async Task Bookmarks_are_created_201_moved_200_and_deleted_with_the_novels_count_kept_exact()
    {
        var reader = await NewReaderAsync();
        var (novelId, slug, chapters) = await NovelWithChaptersAsync(1);

        var created = await ReadAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "reading" })), HttpStatusCode.Created);
        AssertProperties(created, BookmarkFields);
        AssertProperties(created.GetProperty("novel"), NovelFields);
        Assert.Equal(novelId, created.GetProperty("novel").GetProperty("id").GetString());
        Assert.Equal(1, created.GetProperty("novel").GetProperty("bookmarks_count").GetInt32());
        AssertProperties(created.GetProperty("list"), "code", "title");
        Assert.Equal("reading", created.GetProperty("list").GetProperty("code").GetString());
        Assert.Equal("Читаю", created.GetProperty("list").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, created.GetProperty("progress").ValueKind);
        Assert.Equal(created.GetProperty("created_at").GetDateTimeOffset(), created.GetProperty("updated_at").GetDateTimeOffset());
        Assert.Equal(1, await BookmarksCountAsync(slug));

        // A second POST moves the one bookmark (200) and never counts twice.
        await SaveAsync(reader.Client, novelId, chapters[0], 7);
        host.Clock.Advance(TimeSpan.FromSeconds(2));
        var moved = await ReadAsync(await reader.Client.PostAsync("/api/v1/bookmarks?lang=en", Body(new { novel_id = novelId, list_code = "favorites" })), HttpStatusCode.OK);
        Assert.Equal("favorites", moved.GetProperty("list").GetProperty("code").GetString());
        Assert.Equal("Favorites", moved.GetProperty("list").GetProperty("title").GetString());
        AssertProperties(moved.GetProperty("progress"), ProgressFields);
        Assert.Equal(7, moved.GetProperty("progress").GetProperty("position").GetInt32());
        Assert.Equal(created.GetProperty("created_at").GetDateTimeOffset(), moved.GetProperty("created_at").GetDateTimeOffset());
        Assert.True(moved.GetProperty("updated_at").GetDateTimeOffset() > moved.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(1, await BookmarksCountAsync(slug));

        var put = await ReadAsync(await reader.Client.PutAsync($"/api/v1/bookmarks/{novelId}", Body(new { list_code = "completed" })), HttpStatusCode.OK);
        AssertProperties(put, BookmarkFields);
        Assert.Equal("completed", put.GetProperty("list").GetProperty("code").GetString());
        Assert.Equal("Прочитано", put.GetProperty("list").GetProperty("title").GetString());
        Assert.Equal(1, await BookmarksCountAsync(slug));

        Assert.Equal(JsonValueKind.Null, (await ReadAsync(await reader.Client.DeleteAsync($"/api/v1/bookmarks/{novelId}"), HttpStatusCode.OK)).ValueKind);
        Assert.Equal(0, await BookmarksCountAsync(slug));
        await AssertErrorAsync(await reader.Client.DeleteAsync($"/api/v1/bookmarks/{novelId}"), HttpStatusCode.NotFound, "BOOKMARK_NOT_FOUND");
        await AssertErrorAsync(await reader.Client.PutAsync($"/api/v1/bookmarks/{novelId}", Body(new { list_code = "reading" })), HttpStatusCode.NotFound, "BOOKMARK_NOT_FOUND");
        Assert.Equal(0, await BookmarksCountAsync(slug));

        // Bookmarked again after a delete: a new bookmark, 201.
        await ReadAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "planned" })), HttpStatusCode.Created);
        Assert.Equal(1, await BookmarksCountAsync(slug));
    }

    [Fact]
    public async Task Refused_bookmark_writes_answer_422_on_list_code_and_404_with_the_contract_codes()
    {
        var reader = await NewReaderAsync();
        var (novelId, slug, _) = await NovelWithChaptersAsync(0);
        const string unknown = "0190c0de-0000-7000-8000-000000000000";

        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "wishlist" })), "list_code");
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId })), "list_code");
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "Reading" })), "list_code");
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body("{\"novel_id\": 5, \"list_code\": \"reading\"}")));
        await AssertErrorAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = unknown, list_code = "reading" })), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = "junk", list_code = "reading" })), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = new string('x', 300), list_code = "reading" })), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertValidationAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { list_code = "reading" })), "novel_id");
        await AssertErrorAsync(await reader.Client.PutAsync($"/api/v1/bookmarks/{unknown}", Body(new { list_code = "reading" })), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await reader.Client.DeleteAsync($"/api/v1/bookmarks/{unknown}"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await reader.Client.DeleteAsync("/api/v1/bookmarks/junk"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");

        await ReadAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "reading" })), HttpStatusCode.Created);
        await AssertValidationAsync(await reader.Client.PutAsync($"/api/v1/bookmarks/{novelId}", Body(new { list_code = "done" })), "list_code");
        // A refused write changes nothing.
        var list = await GetDataAsync(reader.Client, "/api/v1/bookmarks");
        Assert.Equal("reading", list.GetProperty("bookmarks")[0].GetProperty("list").GetProperty("code").GetString());
        Assert.Equal(1, await BookmarksCountAsync(slug));
    }

    [Fact]
    public async Task The_bookmark_list_has_five_lists_with_counts_ignoring_the_filter_titles_by_lang_and_pages()
    {
        var reader = await NewReaderAsync();
        var codes = new[] { "reading", "reading", "planned", "favorites", "reading" };
        var novels = new List<string>();
        for (var i = 0; i < codes.Length; i++)
        {
            var (novelId, _, _) = await NovelWithChaptersAsync(0, enTitle: $"Title {(char)('E' - i)}");
            novels.Add(novelId);
            await ReadAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = codes[i] })), HttpStatusCode.Created);
            host.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var response = await reader.Client.GetAsync("/api/v1/bookmarks?list_code=reading&limit=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "pagination", "meta");
        AssertProperties(json.GetProperty("data"), "bookmarks", "lists");
        var pagination = json.GetProperty("pagination");
        AssertProperties(pagination, "current_page", "per_page", "total_pages", "total_items", "has_next", "has_prev");
        Assert.Equal((1, 2, 3, 2, true, false), (pagination.GetProperty("current_page").GetInt32(), pagination.GetProperty("per_page").GetInt32(), pagination.GetProperty("total_items").GetInt32(), pagination.GetProperty("total_pages").GetInt32(), pagination.GetProperty("has_next").GetBoolean(), pagination.GetProperty("has_prev").GetBoolean()));

        var lists = json.GetProperty("data").GetProperty("lists").EnumerateArray().ToArray();
        foreach (var list in lists)
        {
            AssertProperties(list, "code", "title", "count");
        }

        Assert.Equal(["reading", "planned", "dropped", "completed", "favorites"], lists.Select(l => l.GetProperty("code").GetString()!).ToArray());
        Assert.Equal(["Читаю", "В планах", "Брошено", "Прочитано", "Избранное"], lists.Select(l => l.GetProperty("title").GetString()!).ToArray());
        Assert.Equal([3, 1, 0, 0, 1], lists.Select(l => l.GetProperty("count").GetInt32()).ToArray());

        // Newest first by default (updated_at): the last reading bookmark, then the first.
        var bookmarks = json.GetProperty("data").GetProperty("bookmarks");
        Assert.Equal([novels[4], novels[1]], bookmarks.EnumerateArray().Select(b => b.GetProperty("novel").GetProperty("id").GetString()!).ToArray());
        AssertProperties(bookmarks[0], BookmarkFields);
        Assert.Equal("Новелла", bookmarks[0].GetProperty("novel").GetProperty("title").GetString());
        var page2 = await GetDataAsync(reader.Client, "/api/v1/bookmarks?list_code=reading&limit=2&page=2");
        Assert.Equal([novels[0]], page2.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetProperty("novel").GetProperty("id").GetString()!).ToArray());
        var past = await GetDataAsync(reader.Client, "/api/v1/bookmarks?list_code=reading&limit=2&page=5");
        Assert.Equal(0, past.GetProperty("bookmarks").GetArrayLength());
        var deep = await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=title&limit=100&page=21474836");
        Assert.Equal(0, deep.GetProperty("bookmarks").GetArrayLength());

        // English titles for en and any language other than ru; the novel's texts follow lang.
        var english = await GetDataAsync(reader.Client, "/api/v1/bookmarks?lang=en");
        Assert.Equal(["Reading", "Planned", "Dropped", "Completed", "Favorites"], english.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("title").GetString()!).ToArray());
        Assert.Equal("Reading", english.GetProperty("bookmarks")[0].GetProperty("list").GetProperty("title").GetString());
        Assert.StartsWith("Title ", english.GetProperty("bookmarks")[0].GetProperty("novel").GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("Dropped", (await GetDataAsync(reader.Client, "/api/v1/bookmarks?lang=fr")).GetProperty("lists")[2].GetProperty("title").GetString());
        Assert.Equal("Брошено", (await GetDataAsync(reader.Client, "/api/v1/bookmarks?lang=ru")).GetProperty("lists")[2].GetProperty("title").GetString());

        // Sorts: created_at newest first, title A to Z (in lang), order reverses.
        Ids(await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=created_at"), [novels[4], novels[3], novels[2], novels[1], novels[0]]);
        Ids(await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=created_at&order=asc"), [.. novels]);
        Ids(await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=title&lang=en"), [novels[4], novels[3], novels[2], novels[1], novels[0]]);
        Ids(await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=title&lang=en&order=desc&limit=2&page=2"), [novels[2], novels[3]]);
        // Nobody has rated (rating 0 everywhere): equal ratings fall back to the id, so pages stay deterministic.
        Ids(await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=rating"), novels.OrderBy(Guid.Parse).ToArray());
        Ids(await GetDataAsync(reader.Client, "/api/v1/bookmarks?sort=rating&limit=2&page=3"), [novels.OrderBy(Guid.Parse).Last()]);

        // A move changes updated_at: the moved one comes first.
        await ReadAsync(await reader.Client.PutAsync($"/api/v1/bookmarks/{novels[0]}", Body(new { list_code = "dropped" })), HttpStatusCode.OK);
        var afterMove = await GetDataAsync(reader.Client, "/api/v1/bookmarks");
        Assert.Equal(novels[0], afterMove.GetProperty("bookmarks")[0].GetProperty("novel").GetProperty("id").GetString());
        Assert.Equal([2, 1, 1, 0, 1], afterMove.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("count").GetInt32()).ToArray());

        // Another reader sees only their own (empty) lists.
        var other = await NewReaderAsync();
        var empty = await GetDataAsync(other.Client, "/api/v1/bookmarks");
        Assert.Equal(0, empty.GetProperty("bookmarks").GetArrayLength());
        Assert.Equal([0, 0, 0, 0, 0], empty.GetProperty("lists").EnumerateArray().Select(l => l.GetProperty("count").GetInt32()).ToArray());

        static void Ids(JsonElement data, string[] expected) =>
            Assert.Equal(expected, data.GetProperty("bookmarks").EnumerateArray().Select(b => b.GetProperty("novel").GetProperty("id").GetString()!).ToArray());
    }

    [Theory]
    [InlineData("list_code=wishlist", "list_code")]
    [InlineData("sort=views", "sort")]
    [InlineData("order=up", "order")]
    [InlineData("limit=101", "limit")]
    [InlineData("limit=0", "limit")]
    [InlineData("page=0", "page")]
    [InlineData("lang=xx", "lang")]
    public async Task Bad_bookmark_queries_are_422_naming_the_parameter(string query, string field)
    {
        var reader = await NewReaderAsync();
        await AssertValidationAsync(await reader.Client.GetAsync("/api/v1/bookmarks?" + query), field);
    }

    [Fact]
    public async Task Racing_bookmarks_count_once_per_reader_and_once_for_each_reader()
    {
        var (novelId, slug, _) = await NovelWithChaptersAsync(0);
        var reader = await NewReaderAsync();
        // Two (here eight) devices of one reader bookmark the novel at once: one bookmark, counted once.
        var devices = Enumerable.Range(0, 8).Select(_ => host.CreateClient().WithBearer(reader.Token)).ToArray();
        var answers = await Task.WhenAll(devices.Select((d, i) => d.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = i % 2 == 0 ? "reading" : "planned" }))));
        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.Created or HttpStatusCode.OK, a.StatusCode.ToString()));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.Equal(1, await BookmarksCountAsync(slug));
        Assert.Equal(1, (await GetDataAsync(reader.Client, "/api/v1/bookmarks")).GetProperty("bookmarks").GetArrayLength());

        // Several readers at once: each counts.
        var readers = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => NewReaderAsync()));
        var created = await Task.WhenAll(readers.Select(r => r.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "reading" }))));
        Assert.All(created, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(7, await BookmarksCountAsync(slug));

        // And removing at once, twice each: each removal counts once.
        var removed = await Task.WhenAll(readers.SelectMany(r => new[] { r.Client.DeleteAsync($"/api/v1/bookmarks/{novelId}"), host.CreateClient().WithBearer(r.Token).DeleteAsync($"/api/v1/bookmarks/{novelId}") }));
        Assert.Equal(6, removed.Count(a => a.StatusCode == HttpStatusCode.OK));
        Assert.Equal(6, removed.Count(a => a.StatusCode == HttpStatusCode.NotFound));
        Assert.Equal(1, await BookmarksCountAsync(slug));
    }

    [Fact]
    public async Task Devices_saving_a_first_progress_at_once_leave_one_progress_the_newest()
    {
        var reader = await NewReaderAsync();
        var (novelId, _, chapters) = await NovelWithChaptersAsync();
        var devices = Enumerable.Range(0, 8).Select(_ => host.CreateClient().WithBearer(reader.Token)).ToArray();
        var answers = await Task.WhenAll(devices.Select((d, i) => SaveAsync(d, novelId, chapters[i % 2], i * 10)));
        var saved = new List<JsonElement>();
        foreach (var answer in answers)
        {
            saved.Add((await ReadAsync(answer, HttpStatusCode.OK)).GetProperty("progress"));
        }

        var stored = await ReadAsync(await reader.Client.GetAsync($"/api/v1/progress/{novelId}"), HttpStatusCode.OK);
        AssertProperties(stored, ProgressFields);
        Assert.Equal(saved.Max(p => p.GetProperty("updated_at").GetDateTimeOffset()), stored.GetProperty("updated_at").GetDateTimeOffset());
        Assert.Contains(saved, p => p.ToString() == stored.ToString());
    }

    [Fact]
    public async Task The_novel_detail_carries_the_callers_progress_and_bookmark_and_null_for_anyone_else()
    {
        var reader = await NewReaderAsync();
        var (novelId, slug, chapters) = await NovelWithChaptersAsync();
        string[] detailFields = [.. NovelFields, "chapters_published", "last_chapter_at", "user_progress", "user_bookmark"];

        var before = await GetDataAsync(reader.Client, $"/api/v1/novels/{slug}?lang=en");
        AssertProperties(before, detailFields);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("user_progress").ValueKind);
        Assert.Equal(JsonValueKind.Null, before.GetProperty("user_bookmark").ValueKind);

        var progress = (await ReadAsync(await SaveAsync(reader.Client, novelId, chapters[1], 42), HttpStatusCode.OK)).GetProperty("progress");
        await ReadAsync(await reader.Client.PostAsync("/api/v1/bookmarks", Body(new { novel_id = novelId, list_code = "planned" })), HttpStatusCode.Created);

        var detail = await GetDataAsync(reader.Client, $"/api/v1/novels/{slug}?lang=en");
        AssertProperties(detail, detailFields);
        AssertProperties(detail.GetProperty("user_progress"), ProgressFields);
        Assert.Equal(progress.ToString(), detail.GetProperty("user_progress").ToString());
        var bookmark = detail.GetProperty("user_bookmark");
        AssertProperties(bookmark, BookmarkFields);
        Assert.Equal("planned", bookmark.GetProperty("list").GetProperty("code").GetString());
        Assert.Equal("Planned", bookmark.GetProperty("list").GetProperty("title").GetString());
        Assert.Equal(progress.ToString(), bookmark.GetProperty("progress").ToString());
        AssertProperties(bookmark.GetProperty("novel"), NovelFields);
        Assert.Equal(1, detail.GetProperty("bookmarks_count").GetInt32());

        var anonymous = await GetDataAsync(_anonymous, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("user_progress").ValueKind);
        Assert.Equal(JsonValueKind.Null, anonymous.GetProperty("user_bookmark").ValueKind);
        Assert.Equal(1, anonymous.GetProperty("bookmarks_count").GetInt32());

        var other = await NewReaderAsync();
        var theirs = await GetDataAsync(other.Client, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("user_progress").ValueKind);
        Assert.Equal(JsonValueKind.Null, theirs.GetProperty("user_bookmark").ValueKind);
    }

    [Fact]
    public async Task A_saved_progress_reaches_the_readers_other_connections_and_no_other_account()
    {
        var reader = await NewReaderAsync();
        var stranger = await NewReaderAsync();
        var (novelId, _, chapters) = await NovelWithChaptersAsync();

        await using var phone = host.CreateHubConnection("/hubs/reader", reader.Token);
        // A browser passes its token as ?access_token=.
        await using var tablet = host.CreateNegotiatingHubConnection("/hubs/reader?access_token=" + Uri.EscapeDataString(reader.Token), Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets);
        await using var theirs = host.CreateHubConnection("/hubs/reader", stranger.Token);
        var onPhone = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var onTablet = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        var strangerPushes = 0;
        phone.On<JsonElement>("progress_updated", e => onPhone.TrySetResult(e));
        tablet.On<JsonElement>("progress_updated", e => onTablet.TrySetResult(e));
        theirs.On<JsonElement>("progress_updated", _ => Interlocked.Increment(ref strangerPushes));
        foreach (var connection in new[] { phone, tablet, theirs })
        {
            await connection.StartAsync();
            // Served only once the connection has joined its account's group.
            Assert.Equal("pong", await connection.InvokeAsync<string>("ping"));
        }

        var saved = (await ReadAsync(await SaveAsync(reader.Client, novelId, chapters[1], 300), HttpStatusCode.OK)).GetProperty("progress");
        var pushed = await onPhone.Task.WaitAsync(TimeSpan.FromSeconds(10));
        AssertProperties(pushed, ProgressFields);
        Assert.Equal(saved.ToString(), pushed.ToString());
        Assert.Equal(saved.ToString(), (await onTablet.Task.WaitAsync(TimeSpan.FromSeconds(10))).ToString());

        // The stranger's own save reaches them, so their connection works, and mine never did.
        var strangerPushed = new TaskCompletionSource<JsonElement>(TaskCreationOptions.RunContinuationsAsynchronously);
        theirs.On<JsonElement>("progress_updated", e => strangerPushed.TrySetResult(e));
        await ReadAsync(await SaveAsync(stranger.Client, novelId, chapters[0], 1), HttpStatusCode.OK);
        Assert.Equal(1, (await strangerPushed.Task.WaitAsync(TimeSpan.FromSeconds(10))).GetProperty("position").GetInt32());
        Assert.Equal(1, Volatile.Read(ref strangerPushes));
    }

    [Fact]
    public async Task The_reader_hub_refuses_a_connection_without_a_valid_token()
    {
        await using var hub = host.CreateHubConnection("/hubs/reader");
        var error = await Assert.ThrowsAnyAsync<Exception>(() => hub.StartAsync());
        Assert.Contains("401", error.Message, StringComparison.Ordinal);

        await using var forged = host.CreateHubConnection("/hubs/reader", "forged.token.value");
        var forgedError = await Assert.ThrowsAnyAsync<Exception>(() => forged.StartAsync());
        Assert.Contains("401", forgedError.Message, StringComparison.Ordinal);
    }
}
