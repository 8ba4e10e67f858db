using System.Net;
using System.Text.Json;
using CleanGames.IntegrationTests.Support;
using static CleanGames.IntegrationTests.Novels.NovelsApi;
using static CleanGames.IntegrationTests.Support.Json;

namespace CleanGames.IntegrationTests.Novels;

/// <summary>Seed 004 <c>POST /admin/novels</c>, <c>POST /admin/chapters</c> and the tag and genre administration (contract §2–§5).</summary>
public sealed class NovelsAdminTests(NovelsHost host) : IClassFixture<NovelsHost>
{
    [Fact]
    public async Task Creating_a_novel_is_201_with_the_whole_novel_in_the_requested_language()
    {
        var slug = Slug();
        var response = await Admin(host).PostAsync("/api/v1/admin/novels?lang=en", Body(new
        {
            slug,
            translation_status = "completed",
            original_chapters_count = 120,
            release_year = 2019,
            cover_image = (string?)null,
            localizations = new[]
            {
                Localization("ru", "Теневой маг", "Иван Петров", ["Маг тени"], "Описание"),
                Localization("en", "The Shadow Mage", "Ivan Petrov", ["Shadow Wizard"], "A description"),
            },
            tags = new[] { "magic", "brand-new-tag" },
            genres = new[] { "fantasy" },
        }));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var json = await response.ReadJsonAsync();
        AssertProperties(json, "data", "meta");
        AssertProperties(json.GetProperty("meta"), "timestamp", "version");
        Assert.Equal("1.0", json.GetProperty("meta").GetProperty("version").GetString());
        var novel = json.GetProperty("data");
        AssertProperties(novel, NovelFields);
        Assert.False(string.IsNullOrEmpty(novel.GetProperty("id").GetString()));
        Assert.Equal(slug, novel.GetProperty("slug").GetString());
        Assert.Equal(JsonValueKind.Null, novel.GetProperty("cover_image_url").ValueKind);
        Assert.Equal("completed", novel.GetProperty("translation_status").GetString());
        Assert.Equal(120, novel.GetProperty("original_chapters_count").GetInt32());
        Assert.Equal(2019, novel.GetProperty("release_year").GetInt32());
        Assert.Equal("The Shadow Mage", novel.GetProperty("title").GetString());
        Assert.Equal("Ivan Petrov", novel.GetProperty("author").GetString());
        Assert.Equal("A description", novel.GetProperty("description").GetString());
        Assert.Equal(new[] { "Shadow Wizard" }, novel.GetProperty("alt_titles").EnumerateArray().Select(t => t.GetString()!).ToArray());
        Assert.Equal("en", novel.GetProperty("served_lang").GetString());
        foreach (var counter in new[] { "views_daily", "views_total", "rating", "rating_count", "bookmarks_count" })
        {
            Assert.Equal(0, novel.GetProperty(counter).GetInt32());
        }

        // A seeded tag has its localized name; one made on the fly is named by its slug.
        var tags = novel.GetProperty("tags").EnumerateArray().ToArray();
        Assert.Equal(2, tags.Length);
        AssertProperties(tags[0], "id", "name", "slug");
        Assert.Equal(("magic", "Magic"), (tags[0].GetProperty("slug").GetString(), tags[0].GetProperty("name").GetString()));
        Assert.Equal(("brand-new-tag", "brand-new-tag"), (tags[1].GetProperty("slug").GetString(), tags[1].GetProperty("name").GetString()));
        Assert.Equal("Fantasy", novel.GetProperty("genres")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Admin_routes_are_401_without_a_token_and_403_without_the_admin_role()
    {
        var body = new { slug = Slug(), translation_status = "ongoing", localizations = new[] { Localization("en", "T") } };
        var anonymous = await host.CreateClient().PostAsync("/api/v1/admin/novels", Body(body));
        await AssertErrorAsync(anonymous, HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        Assert.Contains("Bearer", anonymous.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);

        // A token that claims admin for an account that does not hold the role is not believed.
        var reader = host.CreateClientFor(424242, "admin");
        await AssertErrorAsync(await reader.PostAsync("/api/v1/admin/novels", Body(body)), HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await AssertErrorAsync(await reader.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = "x", number = 1, title = "t", contents = Array.Empty<object>() })), HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await AssertErrorAsync(await reader.PutAsync("/api/v1/admin/tags/x", Body(new { names = new[] { new { lang = "en", name = "X" } } })), HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await AssertErrorAsync(await reader.PutAsync("/api/v1/admin/genres/x", Body(new { names = new[] { new { lang = "en", name = "X" } } })), HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await AssertErrorAsync(await host.CreateClient().PostAsync("/api/v1/admin/chapters", Body(new { })), HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        // 403 comes before 422 (contract §1, order of evaluation): a reader's malformed or mistyped body is never read.
        var plain = host.CreateClientFor(424243);
        await AssertErrorAsync(await plain.PostAsync("/api/v1/admin/novels", Body("{not json")), HttpStatusCode.Forbidden, "ACCESS_DENIED");
        await AssertErrorAsync(await plain.PostAsync("/api/v1/admin/chapters", Body("""{"number":"1"}""")), HttpStatusCode.Forbidden, "ACCESS_DENIED");
    }

    [Fact]
    public async Task A_localization_needs_only_its_lang_and_title_and_the_rest_is_optional()
    {
        var slug = Slug();
        var response = await Admin(host).PostAsync("/api/v1/admin/novels", Body($$"""{"slug":"{{slug}}","translation_status":"ongoing","localizations":[{"lang":"en","title":"Bare"}]}"""));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var novel = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal("Bare", novel.GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, novel.GetProperty("description").ValueKind);
        Assert.Equal(JsonValueKind.Null, novel.GetProperty("author").ValueKind);
        Assert.Empty(novel.GetProperty("alt_titles").EnumerateArray());
        Assert.Equal(JsonValueKind.Null, novel.GetProperty("release_year").ValueKind);
        Assert.Empty(novel.GetProperty("tags").EnumerateArray());
    }

    [Fact]
    public async Task Invalid_novels_are_422_naming_each_field_and_create_nothing()
    {
        var admin = Admin(host);
        var slug = Slug();
        var response = await admin.PostAsync("/api/v1/admin/novels", Body(new
        {
            slug = "Not A Slug",
            translation_status = "finished",
            localizations = new object[] { Localization("xx", ""), Localization("en", "Fine"), Localization("en", "Twice") },
            tags = new[] { "Bad Tag" },
        }));
        await AssertValidationAsync(response, "slug", "translation_status", "localizations[0].lang", "localizations[0].title", "localizations[2].lang", "tags");
        Assert.Equal("Validation failed", (await response.ReadJsonAsync()).GetProperty("error").GetProperty("message").GetString());

        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(new { slug, translation_status = "ongoing", localizations = Array.Empty<object>() })), "localizations");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(new { translation_status = "ongoing", localizations = new[] { Localization("en", "T") } })), "slug");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body($$"""{"slug":"{{slug}}","translation_status":"ongoing","release_year":"2020","localizations":[{"lang":"en","title":"T"}]}""")), "release_year");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body("{not json")));

        await AssertErrorAsync(await host.CreateClient().GetAsync($"/api/v1/novels/{slug}?lang=en"), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
    }

    [Fact]
    public async Task A_taken_slug_is_400_SLUG_TAKEN_and_the_existing_novel_is_unchanged()
    {
        var admin = Admin(host);
        var slug = Slug();
        await CreateNovelAsync(admin, slug, [Localization("en", "First")]);

        var again = await admin.PostAsync("/api/v1/admin/novels", Body(new { slug, translation_status = "dropped", localizations = new[] { Localization("en", "Second") } }));
        await AssertErrorAsync(again, HttpStatusCode.BadRequest, "SLUG_TAKEN");

        var novel = await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{slug}?lang=en");
        Assert.Equal("First", novel.GetProperty("title").GetString());
        Assert.Equal("ongoing", novel.GetProperty("translation_status").GetString());
    }

    [Fact]
    public async Task A_cover_is_checked_by_its_bytes_and_its_size()
    {
        var admin = Admin(host);
        object Novel(string cover) => new { slug = Slug(), translation_status = "ongoing", cover_image = cover, localizations = new[] { Localization("en", "Covered") } };

        // Text named like an image, a data: URL, broken base64 and an image over 2 MB are refused.
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(Novel(Convert.ToBase64String("GIF89a not ours"u8.ToArray())))), "cover_image");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(Novel("data:image/png;base64," + Convert.ToBase64String(Png)))), "cover_image");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(Novel("%%%not-base64%%%"))), "cover_image");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(Novel(""))), "cover_image");
        var huge = new byte[(2 * 1024 * 1024) + 1];
        Png.CopyTo(huge, 0);
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/novels", Body(Novel(Convert.ToBase64String(huge)))), "cover_image");

        // Exactly 2 MB is accepted (the body limit of this route makes room for its base64).
        var largest = new byte[2 * 1024 * 1024];
        Jpeg.CopyTo(largest, 0);
        var accepted = await admin.PostAsync("/api/v1/admin/novels", Body(Novel(Convert.ToBase64String(largest))));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task Chapters_are_201_published_at_creation_and_a_number_is_taken_once()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Chaptered")]);
        var id = novel.GetProperty("id").GetString()!;

        var chapter = await CreateChapterAsync(admin, id, 1, "The Beginning", ("en", "one two three"));
        AssertProperties(chapter, ChapterFields);
        Assert.Equal(id, chapter.GetProperty("novel_id").GetString());
        Assert.Equal(1, chapter.GetProperty("number").GetInt32());
        Assert.Equal("chapter-1", chapter.GetProperty("slug").GetString());
        Assert.Equal(chapter.GetProperty("created_at").GetDateTimeOffset(), chapter.GetProperty("published_at").GetDateTimeOffset());
        Assert.Equal(0, chapter.GetProperty("views").GetInt32());
        Assert.Equal(0, chapter.GetProperty("comments_count").GetInt32());

        var taken = await admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = id, number = 1, title = "Again", contents = new[] { new { lang = "en", content = "x", source = "manual" } } }));
        await AssertErrorAsync(taken, HttpStatusCode.BadRequest, "CHAPTER_NUMBER_TAKEN");
        var slugless = await admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = id, number = 2, title = "No slug", slug = (string?)null, contents = new[] { new { lang = "en", content = "x", source = "import" } } }));
        Assert.Equal(HttpStatusCode.Created, slugless.StatusCode);
        Assert.Equal(JsonValueKind.Null, (await slugless.ReadJsonAsync()).GetProperty("data").GetProperty("slug").ValueKind);

        var list = await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{novel.GetProperty("slug").GetString()}/chapters");
        Assert.Equal(2, list.GetProperty("chapters").GetArrayLength());
    }

    [Fact]
    public async Task Invalid_chapters_are_422_and_an_unknown_novel_is_404()
    {
        var admin = Admin(host);
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Strict")]);
        var id = novel.GetProperty("id").GetString()!;

        var invalid = await admin.PostAsync("/api/v1/admin/chapters", Body(new
        {
            novel_id = id,
            title = "",
            contents = new object[] { new { lang = "en", content = "", source = "typed" }, new { lang = "en", content = "x", source = "auto" } },
        }));
        await AssertValidationAsync(invalid, "number", "title", "contents[0].content", "contents[0].source", "contents[1].lang");
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = id, number = 1, title = "T", contents = Array.Empty<object>() })), "contents");
        var many = Enumerable.Range(0, 500).Select(_ => new { lang = "xx", content = "", source = "none" }).ToArray();
        var tooMany = await admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = id, number = 1, title = "T", contents = many }));
        Assert.Equal(["contents"], await AssertErrorAsync(tooMany, HttpStatusCode.UnprocessableEntity, "VALIDATION_ERROR"));
        await AssertValidationAsync(await admin.PostAsync("/api/v1/admin/chapters", Body($$"""{"novel_id":"{{id}}","number":"1","title":"T","contents":[{"lang":"en","content":"x","source":"manual"}]}""")), "number");

        var content = new[] { new { lang = "en", content = "x", source = "manual" } };
        await AssertErrorAsync(await admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = Guid.NewGuid().ToString(), number = 1, title = "T", contents = content })), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        await AssertErrorAsync(await admin.PostAsync("/api/v1/admin/chapters", Body(new { novel_id = "not-an-id", number = 1, title = "T", contents = content })), HttpStatusCode.NotFound, "NOVEL_NOT_FOUND");
        Assert.Equal(0, (await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en")).GetProperty("chapters_published").GetInt32());
    }

    [Fact]
    public async Task A_tag_made_on_the_fly_can_be_renamed_and_merged_into_another()
    {
        var admin = Admin(host);
        var typo = Slug("magik");
        var right = Slug("magick");
        var a = await CreateNovelAsync(admin, Slug(), [Localization("en", "Merge A")], tags: [typo]);
        var b = await CreateNovelAsync(admin, Slug(), [Localization("en", "Merge B")], tags: [typo, right]);
        var c = await CreateNovelAsync(admin, Slug(), [Localization("en", "Merge C")], tags: [right]);
        var typoId = a.GetProperty("tags")[0].GetProperty("id").GetString()!;
        var rightId = c.GetProperty("tags")[0].GetProperty("id").GetString()!;

        // Rename: names per language, the slug kept unless given.
        var renamed = await admin.PutAsync($"/api/v1/admin/tags/{rightId}?lang=ru", Body(new { names = new[] { new { lang = "en", name = "Magick" }, new { lang = "ru", name = "Магия+" } } }));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        var tag = (await renamed.ReadJsonAsync()).GetProperty("data");
        AssertProperties(tag, "id", "name", "slug", "novels_count");
        Assert.Equal(("Магия+", right, 2), (tag.GetProperty("name").GetString(), tag.GetProperty("slug").GetString(), tag.GetProperty("novels_count").GetInt32()));

        // Merge: every novel with the typo now has the right tag once, and the typo is gone.
        var merged = await admin.PutAsync($"/api/v1/admin/tags/{typoId}", Body(new { merge_into = rightId }));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var kept = (await merged.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((rightId, 3), (kept.GetProperty("id").GetString(), kept.GetProperty("novels_count").GetInt32()));

        var client = host.CreateClient();
        foreach (var novel in new[] { a, b, c })
        {
            var tags = (await GetDataAsync(client, $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en")).GetProperty("tags");
            Assert.Equal([right], Slugs(tags));
        }

        var all = await GetDataAsync(client, "/api/v1/tags?lang=en");
        Assert.DoesNotContain(typo, Slugs(all));
        var byTypo = await client.GetAsync($"/api/v1/novels?lang=en&tags[]={typo}");
        Assert.Equal(0, (await byTypo.ReadJsonAsync()).GetProperty("pagination").GetProperty("total_items").GetInt32());

        await AssertErrorAsync(await admin.PutAsync($"/api/v1/admin/tags/{typoId}", Body(new { names = new[] { new { lang = "en", name = "Gone" } } })), HttpStatusCode.NotFound, "TAG_NOT_FOUND");
        await AssertErrorAsync(await admin.PutAsync($"/api/v1/admin/tags/{rightId}", Body(new { merge_into = Guid.NewGuid().ToString() })), HttpStatusCode.NotFound, "TAG_NOT_FOUND");
        await AssertValidationAsync(await admin.PutAsync($"/api/v1/admin/tags/{rightId}", Body(new { merge_into = rightId })), "merge_into");
        await AssertValidationAsync(await admin.PutAsync($"/api/v1/admin/tags/{rightId}", Body(new { names = new[] { new { lang = "xx", name = "" } } })), "names[0].lang", "names[0].name");
    }

    [Fact]
    public async Task A_genre_can_be_renamed_with_a_new_slug_and_merged()
    {
        var admin = Admin(host);
        var odd = Slug("litrpgg");
        var novel = await CreateNovelAsync(admin, Slug(), [Localization("en", "Genre merge")], genres: [odd, "fantasy"]);
        var oddId = novel.GetProperty("genres")[0].GetProperty("id").GetString()!;
        var fantasyId = novel.GetProperty("genres")[1].GetProperty("id").GetString()!;

        var renamed = await admin.PutAsync($"/api/v1/admin/genres/{oddId}", Body(new { slug = odd + "-x", names = new[] { new { lang = "en", name = "LitRPG" } } }));
        Assert.Equal(HttpStatusCode.OK, renamed.StatusCode);
        Assert.Equal(odd + "-x", (await renamed.ReadJsonAsync()).GetProperty("data").GetProperty("slug").GetString());
        await AssertErrorAsync(await admin.PutAsync($"/api/v1/admin/genres/{oddId}", Body(new { slug = "fantasy" })), HttpStatusCode.BadRequest, "SLUG_TAKEN");

        var merged = await admin.PutAsync($"/api/v1/admin/genres/{oddId}", Body(new { merge_into = fantasyId }));
        Assert.Equal(HttpStatusCode.OK, merged.StatusCode);
        var genres = (await GetDataAsync(host.CreateClient(), $"/api/v1/novels/{novel.GetProperty("slug").GetString()}?lang=en")).GetProperty("genres");
        Assert.Equal(["fantasy"], Slugs(genres));
        await AssertErrorAsync(await admin.PutAsync("/api/v1/admin/genres/not-an-id", Body(new { merge_into = fantasyId })), HttpStatusCode.NotFound, "GENRE_NOT_FOUND");
    }
}
