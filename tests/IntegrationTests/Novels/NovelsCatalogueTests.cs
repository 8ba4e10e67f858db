using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Novels.NovelsApi;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>Seed 004 <c>GET /novels</c>, <c>GET /novels/{slug}</c>, <c>GET /tags</c> and <c>GET /genres</c> (contract §1, §3, §5), on a catalogue of its own.</summary>
public sealed class NovelsCatalogueTests(NovelsHost host) : IClassFixture<NovelsHost>
{
    private readonly HttpClient _client = host.CreateClient();

    [Fact]
    public async Task The_catalogue_is_paged_with_the_seed_pagination_beside_data_and_meta()
    {
        var marker = Slug("pagedmark");
        var admin = Admin(host);
        for (var i = 0; i < 5; i++)
        {
            await CreateNovelAsync(admin, Slug(), [Localization("en", $"{marker} {i}")]);
        }

        var response = await _client.GetAsync($"/api/v1/novels?lang=en&search={marker}&limit=2&page=2");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "pagination", "meta");
        AssertProperties(json.GetProperty("data"), "novels", "filters");
        AssertProperties(json.GetProperty("data").GetProperty("filters"), "genres", "tags", "years");
        var pagination = json.GetProperty("pagination");
        AssertProperties(pagination, "current_page", "per_page", "total_pages", "total_items", "has_next", "has_prev");
        Assert.Equal(2, pagination.GetProperty("current_page").GetInt32());
        Assert.Equal(2, pagination.GetProperty("per_page").GetInt32());
        Assert.Equal(5, pagination.GetProperty("total_items").GetInt32());
        Assert.Equal(3, pagination.GetProperty("total_pages").GetInt32());
        Assert.True(pagination.GetProperty("has_next").GetBoolean());
        Assert.True(pagination.GetProperty("has_prev").GetBoolean());
        Assert.Equal(2, json.GetProperty("data").GetProperty("novels").GetArrayLength());
        AssertProperties(json.GetProperty("data").GetProperty("novels")[0], NovelFields);

        // Past the end: 200, an empty list and the true totals.
        var past = await (await _client.GetAsync($"/api/v1/novels?lang=en&search={marker}&limit=2&page=9")).ReadJsonAsync();
        Assert.Equal(0, past.GetProperty("data").GetProperty("novels").GetArrayLength());
        Assert.Equal(5, past.GetProperty("pagination").GetProperty("total_items").GetInt32());
        Assert.False(past.GetProperty("pagination").GetProperty("has_next").GetBoolean());
        Assert.True(past.GetProperty("pagination").GetProperty("has_prev").GetBoolean());

        // Deeper than any result window: still 200, empty, with the true totals (contract §1 has no window).
        var deep = await (await _client.GetAsync($"/api/v1/novels?lang=en&search={marker}&limit=100&page=21474836")).ReadJsonAsync();
        Assert.Equal(0, deep.GetProperty("data").GetProperty("novels").GetArrayLength());
        Assert.Equal(5, deep.GetProperty("pagination").GetProperty("total_items").GetInt32());
        Assert.Equal(21474836, deep.GetProperty("pagination").GetProperty("current_page").GetInt32());

        // Defaults: page 1 of 20.
        var first = (await (await _client.GetAsync($"/api/v1/novels?lang=en&search={marker}")).ReadJsonAsync()).GetProperty("pagination");
        Assert.Equal((1, 20, false, false), (first.GetProperty("current_page").GetInt32(), first.GetProperty("per_page").GetInt32(), first.GetProperty("has_next").GetBoolean(), first.GetProperty("has_prev").GetBoolean()));
    }

    [Theory]
    [InlineData("", "lang")]
    [InlineData("lang=xx", "lang")]
    [InlineData("lang=en&limit=101", "limit")]
    [InlineData("lang=en&limit=0", "limit")]
    [InlineData("lang=en&page=0", "page")]
    [InlineData("lang=en&page=abc", "page")]
    [InlineData("lang=en&sort=title", "sort")]
    [InlineData("lang=en&order=up", "order")]
    [InlineData("lang=en&status=finished", "status")]
    [InlineData("lang=en&year_from=soon", "year_from")]
    [InlineData("lang=en&tags[]=t0&tags[]=t1&tags[]=t2&tags[]=t3&tags[]=t4&tags[]=t5&tags[]=t6&tags[]=t7&tags[]=t8&tags[]=t9&tags[]=t10&tags[]=t11&tags[]=t12&tags[]=t13&tags[]=t14&tags[]=t15&tags[]=t16&tags[]=t17&tags[]=t18&tags[]=t19&tags[]=t20", "tags[]")]
    [InlineData("lang=en&genres[]=g0&genres[]=g1&genres[]=g2&genres[]=g3&genres[]=g4&genres[]=g5&genres[]=g6&genres[]=g7&genres[]=g8&genres[]=g9&genres[]=g10&genres[]=g11&genres[]=g12&genres[]=g13&genres[]=g14&genres[]=g15&genres[]=g16&genres[]=g17&genres[]=g18&genres[]=g19&genres[]=g20", "genres[]")]
    public async Task Bad_catalogue_queries_are_422_naming_the_parameter(string query, string field)
    {
        await AssertValidationAsync(await _client.GetAsync("/api/v1/novels?" + query), field);
    }

    [Fact]
    public async Task Lang_is_required_where_the_contract_says_and_validated_everywhere()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Lang rules")]);
        var chapter = await CreateChapterAsync(admin, novel.GetProperty("id").GetString()!, 1, "One", ("en", "text"));
        var slug = novel.GetProperty("slug").GetString();

        await AssertValidationAsync(await _client.GetAsync($"/api/v1/novels/{slug}"), "lang");
        await AssertValidationAsync(await _client.GetAsync($"/api/v1/chapters/{chapter.GetProperty("id").GetString()}"), "lang");
        await AssertValidationAsync(await _client.GetAsync("/api/v1/tags"), "lang");
        await AssertValidationAsync(await _client.GetAsync("/api/v1/genres?lang=english"), "lang");
        await AssertValidationAsync(await _client.GetAsync($"/api/v1/novels/{slug}/chapters?lang=xx"), "lang");
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync($"/api/v1/novels/{slug}/chapters")).StatusCode);

        // Validation comes before existence: an unknown slug with a bad lang is 422, with a good one 404.
        await AssertValidationAsync(await _client.GetAsync("/api/v1/novels/no-such-novel?lang=xx"), "lang");
        await AssertErrorAsync(await _client.GetAsync("/api/v1/novels/no-such-novel?lang=en"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await _client.GetAsync("/api/v1/novels/NOT a slug!?lang=en"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await _client.GetAsync("/api/v1/novels/no-such-novel/chapters"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
    }

    [Fact]
    public async Task Texts_come_in_the_requested_language_and_fall_back_to_the_first_localization_saying_so()
    {
        var slug = Slug();
        await CreateNovelAsync(Admin(host), slug, [Localization("ja", "影の魔術師", "山田", ["影"]), Localization("en", "Shadow Sorcerer", "Yamada")]);

        var en = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal(("Shadow Sorcerer", "Yamada", "en"), (en.GetProperty("title").GetString(), en.GetProperty("author").GetString(), en.GetProperty("served_lang").GetString()));
        Assert.Equal(0, en.GetProperty("alt_titles").GetArrayLength());

        var fr = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=fr");
        Assert.Equal(("影の魔術師", "山田", "ja"), (fr.GetProperty("title").GetString(), fr.GetProperty("author").GetString(), fr.GetProperty("served_lang").GetString()));
        Assert.Equal(new[] { "影" }, fr.GetProperty("alt_titles").EnumerateArray().Select(t => t.GetString()!).ToArray());

        // The chapters route takes lang as optional: without it, the first localization.
        var chapters = await GetDataAsync(_client, $"/api/v1/novels/{slug}/chapters");
        Assert.Equal("ja", chapters.GetProperty("novel").GetProperty("served_lang").GetString());
    }

    [Fact]
    public async Task A_novel_in_detail_has_its_chapter_figures_and_null_reader_fields()
    {
        var admin = Admin(host);
        var slug = Slug();
        var novel = await CreateNovelAsync(admin, slug, [Localization("en", "Detailed")]);
        var empty = await GetDataAsync(_client, $"/api/v1/novels/{slug}?lang=en");
        AssertProperties(empty, [.. NovelFields, "chapters_published", "last_chapter_at", "user_progress", "user_bookmark"]);
        Assert.Equal(0, empty.GetProperty("chapters_published").GetInt32());
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("last_chapter_at").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("user_progress").ValueKind);
        Assert.Equal(JsonValueKind.Null, empty.GetProperty("user_bookmark").ValueKind);

        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await CreateChapterAsync(admin, novel.GetProperty("id").GetString()!, 2, "Two", ("en", "b"));
        host.Clock.Advance(TimeSpan.FromMinutes(5));
        var first = await CreateChapterAsync(admin, novel.GetProperty("id").GetString()!, 1, "One", ("en", "a"));

        var detail = await GetDataAsync(Admin(host), $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal(2, detail.GetProperty("chapters_published").GetInt32());
        Assert.Equal(first.GetProperty("published_at").GetString(), detail.GetProperty("last_chapter_at").GetString());
        Assert.True(second.GetProperty("published_at").GetDateTimeOffset() < detail.GetProperty("last_chapter_at").GetDateTimeOffset());
        Assert.Equal(first.GetProperty("published_at").GetString(), detail.GetProperty("updated_at").GetString());
        Assert.True(detail.GetProperty("updated_at").GetDateTimeOffset() > detail.GetProperty("created_at").GetDateTimeOffset());
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("user_progress").ValueKind);
    }

    [Fact]
    public async Task Search_ignores_case_and_accents_matches_alternative_titles_and_authors_and_ranks_titles_first()
    {
        var admin = Admin(host);
        var word = "Zephyr" + Guid.NewGuid().ToString("N")[..6];
        var byAuthor = await CreateNovelAsync(admin, Slug(), [Localization("en", "Unrelated Tale", author: $"Anne {word}é")]);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var byAlt = await CreateNovelAsync(admin, Slug(), [Localization("en", "Another Tale", altTitles: [$"The {word.ToUpperInvariant()}E Saga"])]);
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var byTitle = await CreateNovelAsync(admin, Slug(), [Localization("en", $"Rise of the {word}É")]);
        await CreateNovelAsync(admin, Slug(), [Localization("en", "Nothing here", author: "Nobody")]);

        // Upper case, no accents: all three match, the title match first, then the default order (newest update first).
        var found = await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={Uri.EscapeDataString(word.ToUpperInvariant() + "E")}");
        Assert.Equal(
            [byTitle.GetProperty("slug").GetString()!, byAlt.GetProperty("slug").GetString()!, byAuthor.GetProperty("slug").GetString()!],
            Slugs(found.GetProperty("novels")));

        // Accented and lower-case in the query, plain in the text.
        var cyr = await CreateNovelAsync(admin, Slug(), [Localization("ru", $"Ёлка {word}"), Localization("en", "Fir")]);
        var accented = await GetDataAsync(_client, $"/api/v1/novels?lang=ru&search={Uri.EscapeDataString("елка " + word.ToLowerInvariant())}");
        Assert.Equal([cyr.GetProperty("slug").GetString()!], Slugs(accented.GetProperty("novels")));

        // Search looks at the texts of the language shown: the Russian title is not the English one.
        var wrongLanguage = await (await _client.GetAsync($"/api/v1/novels?lang=en&search={Uri.EscapeDataString("Ёлка " + word)}")).ReadJsonAsync();
        Assert.Equal(0, wrongLanguage.GetProperty("pagination").GetProperty("total_items").GetInt32());
        Assert.Equal(0, wrongLanguage.GetProperty("data").GetProperty("novels").GetArrayLength());
    }

    [Fact]
    public async Task Genres_and_tags_combine_with_AND_with_status_and_years_and_an_unknown_slug_matches_nothing()
    {
        var admin = Admin(host);
        var tagA = Slug("ta");
        var tagB = Slug("tb");
        var both = await CreateNovelAsync(admin, Slug(), [Localization("en", "Both")], tags: [tagA, tagB], genres: ["fantasy", "romance"], year: 2001, status: "completed");
        host.Clock.Advance(TimeSpan.FromSeconds(1));
        var onlyA = await CreateNovelAsync(admin, Slug(), [Localization("en", "Only A")], tags: [tagA], genres: ["fantasy"], year: 2005);
        await CreateNovelAsync(admin, Slug(), [Localization("en", "Only B")], tags: [tagB], genres: ["romance"], year: 2010);

        string[] Listed(JsonElement data) => Slugs(data.GetProperty("novels"));
        Assert.Equal([both.GetProperty("slug").GetString()!], Listed(await GetDataAsync(_client, $"/api/v1/novels?lang=en&tags[]={tagA}&tags[]={tagB}")));
        Assert.Equal([both.GetProperty("slug").GetString()!], Listed(await GetDataAsync(_client, $"/api/v1/novels?lang=en&tags[]={tagA}&genres[]=romance")));
        Assert.Equal([onlyA.GetProperty("slug").GetString()!, both.GetProperty("slug").GetString()!], Listed(await GetDataAsync(_client, $"/api/v1/novels?lang=en&tags[]={tagA}")));
        Assert.Equal([both.GetProperty("slug").GetString()!], Listed(await GetDataAsync(_client, $"/api/v1/novels?lang=en&tags[]={tagA}&status=completed")));
        Assert.Equal([onlyA.GetProperty("slug").GetString()!], Listed(await GetDataAsync(_client, $"/api/v1/novels?lang=en&tags[]={tagA}&year_from=2002&year_to=2005")));
        Assert.Equal([both.GetProperty("slug").GetString()!], Listed(await GetDataAsync(_client, $"/api/v1/novels?lang=en&tags[]={tagA}&year_to=2001")));

        var none = await (await _client.GetAsync($"/api/v1/novels?lang=en&tags[]={tagA}&tags[]=nobody-uses-this")).ReadJsonAsync();
        Assert.Equal(0, none.GetProperty("pagination").GetProperty("total_items").GetInt32());
        Assert.Equal(0, none.GetProperty("data").GetProperty("novels").GetArrayLength());
    }

    [Fact]
    public async Task Filters_describe_the_whole_catalogue_whatever_the_query()
    {
        var admin = Admin(host);
        var tag = Slug("filt");
        await CreateNovelAsync(admin, Slug(), [Localization("en", "Filtered")], tags: [tag], genres: ["wuxia"], year: 1987);

        var data = await GetDataAsync(_client, "/api/v1/novels?lang=ru&search=no-such-novel-anywhere&page=3");
        Assert.Equal(0, data.GetProperty("novels").GetArrayLength());
        var filters = data.GetProperty("filters");
        Assert.Contains(tag, Slugs(filters.GetProperty("tags")));
        var wuxia = filters.GetProperty("genres").EnumerateArray().Single(g => g.GetProperty("slug").GetString() == "wuxia");
        AssertProperties(wuxia, "id", "name", "slug");
        Assert.Equal("Уся", wuxia.GetProperty("name").GetString());

        // Only genres some novel has; years distinct and ascending.
        Assert.DoesNotContain("horror", Slugs(filters.GetProperty("genres")));
        var years = filters.GetProperty("years").EnumerateArray().Select(y => y.GetInt32()).ToArray();
        Assert.Contains(1987, years);
        Assert.Equal(years.Distinct().Order().ToArray(), years);
    }

    [Fact]
    public async Task Every_sort_is_deterministic_and_pages_neither_overlap_nor_skip()
    {
        var admin = Admin(host);
        var marker = Slug("sortmark");
        for (var i = 0; i < 7; i++)
        {
            host.Clock.Advance(TimeSpan.FromSeconds(1));
            await CreateNovelAsync(admin, Slug(), [Localization("en", $"{marker} {i}")], year: 2000 + (i % 2));
        }

        foreach (var sort in new[] { "updated_at", "created_at", "views_daily", "views_total", "rating", "bookmarks_count" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var whole = Slugs((await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={marker}&sort={sort}&order={order}&limit=100")).GetProperty("novels"));
                var paged = new List<string>();
                for (var page = 1; page <= 3; page++)
                {
                    paged.AddRange(Slugs((await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={marker}&sort={sort}&order={order}&limit=3&page={page}")).GetProperty("novels")));
                }

                Assert.Equal(7, whole.Length);
                Assert.Equal(whole, paged.ToArray());
            }
        }

        // The counters are all equal here, so ties are ordered by id whichever way the sort goes.
        var asc = Slugs((await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={marker}&sort=rating&order=asc")).GetProperty("novels"));
        var desc = Slugs((await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={marker}&sort=rating&order=desc")).GetProperty("novels"));
        Assert.Equal(asc, desc);
        var created = Slugs((await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={marker}&sort=created_at&order=asc")).GetProperty("novels"));
        Assert.Equal(created.Reverse().ToArray(), Slugs((await GetDataAsync(_client, $"/api/v1/novels?lang=en&search={marker}&sort=created_at&order=desc")).GetProperty("novels")));
    }

    [Fact]
    public async Task Tags_and_genres_list_everything_by_name_with_counts_equal_to_the_catalogue_total()
    {
        var admin = Admin(host);
        var tag = Slug("counted");
        await CreateNovelAsync(admin, Slug(), [Localization("en", "Counted 1")], tags: [tag], genres: ["mystery"]);
        await CreateNovelAsync(admin, Slug(), [Localization("en", "Counted 2")], tags: [tag], genres: ["mystery"]);

        var response = await _client.GetAsync("/api/v1/tags?lang=en");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "meta");
        var tags = json.GetProperty("data").EnumerateArray().ToArray();
        AssertProperties(tags[0], "id", "name", "slug", "novels_count");
        var names = tags.Select(t => t.GetProperty("name").GetString()!).ToArray();
        Assert.Equal(names.Order(StringComparer.Ordinal).ToArray(), names);
        Assert.Equal(2, tags.Single(t => t.GetProperty("slug").GetString() == tag).GetProperty("novels_count").GetInt32());
        Assert.Equal(0, tags.Single(t => t.GetProperty("slug").GetString() == "vrmmo").GetProperty("novels_count").GetInt32());

        var genres = await GetDataAsync(_client, "/api/v1/genres?lang=ru");
        var mystery = genres.EnumerateArray().Single(g => g.GetProperty("slug").GetString() == "mystery");
        Assert.Equal("Детектив", mystery.GetProperty("name").GetString());
        var total = (await (await _client.GetAsync("/api/v1/novels?lang=ru&genres[]=mystery")).ReadJsonAsync()).GetProperty("pagination").GetProperty("total_items").GetInt32();
        Assert.Equal(total, mystery.GetProperty("novels_count").GetInt32());

        // A language a tag has no name in: English, then the slug.
        var fr = await GetDataAsync(_client, "/api/v1/tags?lang=fr");
        Assert.Equal("Magic", fr.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == "magic").GetProperty("name").GetString());
        Assert.Equal(tag, fr.EnumerateArray().Single(t => t.GetProperty("slug").GetString() == tag).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Errors_carry_the_callers_request_id()
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/novels/missing-one?lang=en");
        request.Headers.Add("X-Request-Id", "trace-novels.1");
        var response = await _client.SendAsync(request);
        await AssertErrorAsync(response, HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        Assert.Equal("trace-novels.1", (await response.ReadJsonAsync()).GetProperty("meta").GetProperty("request_id").GetString());
        var generated = (await (await _client.GetAsync("/api/v1/novels?lang=zz")).ReadJsonAsync()).GetProperty("meta").GetProperty("request_id").GetString()!;
        Assert.Matches("^req_[0-9a-f]{32}$", generated);
    }
}
