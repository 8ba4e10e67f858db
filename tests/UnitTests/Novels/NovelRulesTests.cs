using CleanGames.Domain.Common;
using CleanGames.Domain.Common.Text;
using CleanGames.Domain.Novels.Catalogue;
using CleanGames.Domain.Novels.Chapters;
using CleanGames.Domain.Novels.Taxonomy;

namespace CleanGames.UnitTests.Novels;

public sealed class NovelRulesTests
{
    private static readonly DateTimeOffset Now = new(2024, 2, 15, 10, 30, 0, TimeSpan.Zero);

    private static Novel NovelWith(IReadOnlyList<Guid>? tags = null, params NovelLocalization[] localizations) =>
        Novel.Create("a-novel", TranslationStatus.Ongoing, null, 2020, localizations.Length == 0 ? [new NovelLocalization("en", "Title", null, null, null)] : localizations, tags ?? [], [], hasCover: false, Now);

    [Theory]
    [InlineData("", 0)]
    [InlineData("one", 1)]
    [InlineData("  two   words \n", 2)]
    [InlineData("tab\tand\nnewline", 3)]
    [InlineData("我爱你", 3)]
    [InlineData("我爱你，世界。", 5)]
    [InlineData("Hello 世界", 3)]
    [InlineData("レベルアップ！", 6)]
    [InlineData("안녕하세요 세계", 7)]
    [InlineData("Привет, мир — да", 4)]
    public void Words_are_whitespace_separated_and_CJK_characters_count_one_each(string text, int words)
    {
        Assert.Equal(words, ChapterText.WordCount(text));
    }

    [Theory]
    [InlineData(0, 1)]
    [InlineData(1, 1)]
    [InlineData(200, 1)]
    [InlineData(201, 2)]
    [InlineData(600, 3)]
    public void Reading_time_is_words_over_200_rounded_up_and_at_least_a_minute(int words, int minutes)
    {
        Assert.Equal(minutes, ChapterText.ReadingMinutes(words));
    }

    [Fact]
    public void A_novel_serves_the_requested_language_else_its_first_localization()
    {
        var novel = NovelWith(null, new NovelLocalization("ja", "影", null, ["かげ"], "山田"), new NovelLocalization("en", "Shadow", "d", null, "Yamada"));

        Assert.Equal(("en", "Shadow"), (novel.Localized("en").Lang, novel.Localized("en").Title));
        Assert.Equal(("ja", "影"), (novel.Localized("fr").Lang, novel.Localized("fr").Title));
        Assert.Equal("ja", novel.Localized(null).Lang);
        Assert.Equal(["かげ"], novel.Localized("de").AltTitles);
    }

    [Fact]
    public void A_novel_refuses_no_localization_a_language_twice_and_a_bad_slug()
    {
        var en = new NovelLocalization("en", "T", null, null, null);
        Assert.Equal("novels.novel.no_localization", Assert.Throws<DomainException>(() => Novel.Create("s", TranslationStatus.Ongoing, null, null, [], [], [], false, Now)).Error.Code);
        Assert.Equal("novels.novel.duplicate_language", Assert.Throws<DomainException>(() => Novel.Create("s", TranslationStatus.Ongoing, null, null, [en, new NovelLocalization("en", "U", null, null, null)], [], [], false, Now)).Error.Code);
        Assert.Equal("novels.novel.invalid_slug", Assert.Throws<DomainException>(() => Novel.Create("Bad Slug", TranslationStatus.Ongoing, null, null, [en], [], [], false, Now)).Error.Code);
        Assert.Equal("novels.novel.unknown_language", Assert.Throws<DomainException>(() => new NovelLocalization("xx", "T", null, null, null)).Error.Code);
    }

    [Fact]
    public void A_tag_merge_keeps_its_place_and_never_lists_a_tag_twice()
    {
        var (a, b, c) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var novel = NovelWith([a, b]);

        Assert.True(novel.ReplaceTag(a, c, Now.AddMinutes(1)));
        Assert.Equal([c, b], novel.Tags.OrderBy(t => t.Position).Select(t => t.TagId));
        Assert.Equal(Now.AddMinutes(1), novel.UpdatedAt);

        // Merging into a tag the novel already has leaves it once.
        Assert.True(novel.ReplaceTag(b, c, Now.AddMinutes(2)));
        Assert.Equal([c], novel.Tags.Select(t => t.TagId));

        // A tag the novel lacks, or a merge into itself, changes nothing.
        Assert.False(novel.ReplaceTag(a, b, Now.AddMinutes(3)));
        Assert.False(novel.ReplaceTag(c, c, Now.AddMinutes(3)));
        Assert.Equal(Now.AddMinutes(2), novel.UpdatedAt);
    }

    [Fact]
    public void A_new_chapter_counts_and_moves_the_novels_update_time()
    {
        var novel = NovelWith();
        novel.ChapterPublished(Now.AddHours(1));
        novel.ChapterPublished(Now.AddHours(2));

        Assert.Equal(2, novel.ChaptersPublished);
        Assert.Equal(Now.AddHours(2), novel.LastChapterAt);
        Assert.Equal(Now.AddHours(2), novel.UpdatedAt);
    }

    [Fact]
    public void Views_add_to_the_total_set_the_day_and_leave_the_update_time()
    {
        var novel = NovelWith();
        novel.RecordViews(3, 3);
        novel.RecordViews(2, 4);

        Assert.Equal((5, 4), (novel.ViewsTotal, novel.ViewsDaily));
        Assert.Equal(Now, novel.UpdatedAt);
        Assert.Equal("novels.novel.negative_views", Assert.Throws<DomainException>(() => novel.RecordViews(-1, 0)).Error.Code);
    }

    [Fact]
    public void A_chapter_reads_in_its_language_else_its_first_content()
    {
        var chapter = Chapter.Publish(Guid.NewGuid(), 1, "One", null, [new ChapterContent("ru", "раз два", ChapterSource.Manual), new ChapterContent("en", "one", ChapterSource.Auto)], Now);

        Assert.Equal(("one", ChapterSource.Auto, 1), (chapter.ContentIn("en").Content, chapter.ContentIn("en").Source, chapter.ContentIn("en").WordCount));
        Assert.Equal("раз два", chapter.ContentIn("ko").Content);
        Assert.Equal(chapter.CreatedAt, chapter.PublishedAt);
        Assert.Equal("novels.chapter.duplicate_language", Assert.Throws<DomainException>(() => Chapter.Publish(Guid.NewGuid(), 1, "T", null, [new ChapterContent("en", "a", ChapterSource.Manual), new ChapterContent("en", "b", ChapterSource.Manual)], Now)).Error.Code);
    }

    [Fact]
    public void A_tag_is_named_in_the_language_else_English_else_by_its_slug()
    {
        var seeded = Tag.Create("magic", [new TaxonName("en", "Magic"), new TaxonName("ru", "Магия")], Now);
        var onTheFly = Tag.Create("brand-new", [], Now);

        Assert.Equal(("Магия", "Magic"), (seeded.NameIn("ru"), seeded.NameIn("fr")));
        Assert.Equal("brand-new", onTheFly.NameIn("ru"));

        onTheFly.Rename("brand-new-2", [new TaxonName("ru", "Новый")]);
        Assert.Equal(("Новый", "brand-new-2", "brand-new-2"), (onTheFly.NameIn("ru"), onTheFly.NameIn("en"), onTheFly.Slug));
        Assert.Equal("novels.taxon.invalid_name", Assert.Throws<DomainException>(() => onTheFly.Rename(null, [new TaxonName("xx", "X")])).Error.Code);
    }

    [Theory]
    [InlineData("Éclair", "eclair")]
    [InlineData("ÉCLAIR", "eclair")]
    [InlineData("Ёлка", "елка")]
    [InlineData("Ｆｕｌｌ", "full")]
    [InlineData("Søren", "soren")]
    [InlineData("Łódź", "lodz")]
    [InlineData("Straße", "strasse")]
    [InlineData("Æsir Œuvre", "aesir oeuvre")]
    [InlineData("ΟΔΥΣΣΕΥΣ", "οδυσσευσ")]
    [InlineData("Ὀδυσσεύς", "οδυσσευσ")]
    public void Search_text_folds_case_and_accents_but_not_other_scripts_marks(string text, string folded)
    {
        Assert.Equal(folded, SearchText.Fold(text));
    }

    [Fact]
    public void Kana_voicing_and_Hangul_syllables_still_tell_words_apart()
    {
        Assert.NotEqual(SearchText.Fold("かっこう"), SearchText.Fold("がっこう"));
        Assert.Equal(SearchText.Fold("ガッコウ"), SearchText.Fold("ｶﾞｯｺｳ"));
        Assert.Equal("한국어", SearchText.Fold("한국어"));
    }

    [Fact]
    public void A_cover_is_known_by_its_first_bytes()
    {
        Assert.Equal("image/png", CoverImage.MediaTypeOf([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00]));
        Assert.Equal("image/jpeg", CoverImage.MediaTypeOf([0xFF, 0xD8, 0xFF, 0xE0]));
        Assert.Equal("image/webp", CoverImage.MediaTypeOf([.. "RIFF"u8.ToArray(), 1, 2, 3, 4, .. "WEBPVP8 "u8.ToArray()]));
        Assert.Null(CoverImage.MediaTypeOf("GIF89a......"u8));
        Assert.Null(CoverImage.MediaTypeOf("<svg></svg>"u8));
        Assert.Equal("novels.cover.not_an_image", Assert.Throws<DomainException>(() => CoverImage.For(Guid.NewGuid(), "text"u8.ToArray(), Now)).Error.Code);
    }
}
