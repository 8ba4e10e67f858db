using Microsoft.AspNetCore.RateLimiting;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Novels.Catalogue.Queries.GetCover;
using CleanGames.Application.Novels.Catalogue.Queries.GetNovel;
using CleanGames.Application.Novels.Catalogue.Queries.ListNovels;
using CleanGames.Application.Novels.Chapters.Queries.ListChapters;
using CleanGames.Application.Novels.Chapters.Queries.ReadChapter;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Taxonomy.Queries.ListGenres;
using CleanGames.Application.Novels.Taxonomy.Queries.ListTags;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.Net.Http.Headers;

namespace CleanGames.WebApi.Novels;

/// <summary>
/// Seed 004's public catalogue under <c>/api/v1</c>: novels, chapters, tags, genres and covers. No
/// token needed; a valid one identifies the reader whose chapter reads are counted.
/// </summary>
[ApiController]
[Route("api/v1")]
[ApiDialect(ApiDialect.Novels)]
[Tags("Novels: catalogue")]
public sealed class NovelsCatalogueController(IMediator mediator) : ControllerBase
{
    /// <summary>The catalogue: filters combine with AND; <c>search</c> matches title, alternative titles and author in <c>lang</c>, case- and accent-insensitively, title matches first.</summary>
    [HttpGet("novels")]
    [EnableRateLimiting(NovelsRateLimits.Catalogue)]
    [ProducesResponseType<PagedBody<CataloguePage>>(StatusCodes.Status200OK)]
    public Task<PagedBody<CataloguePage>> List(
        [FromQuery] string? lang,
        [FromQuery] int? page,
        [FromQuery] int? limit,
        [FromQuery] string? sort,
        [FromQuery] string? order,
        [FromQuery] string? status,
        [FromQuery(Name = "genres[]")] string[]? genres,
        [FromQuery(Name = "genres")] string[]? genresPlain,
        [FromQuery(Name = "tags[]")] string[]? tags,
        [FromQuery(Name = "tags")] string[]? tagsPlain,
        [FromQuery] string? search,
        [FromQuery(Name = "year_from")] int? yearFrom,
        [FromQuery(Name = "year_to")] int? yearTo,
        CancellationToken cancellationToken) =>
        mediator.Send(
            new ListNovelsQuery(lang, page, limit, sort, order, status, Merge(genres, genresPlain), Merge(tags, tagsPlain), search, yearFrom, yearTo),
            cancellationToken);

    /// <summary>One novel with its chapter figures; a valid token adds the caller's <c>user_progress</c> and <c>user_bookmark</c> (null for an anonymous caller or without either).</summary>
    [HttpGet("novels/{slug}")]
    [EnableRateLimiting(NovelsRateLimits.Catalogue)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public Task<NovelDetailModel> Get(string slug, [FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new GetNovelQuery(slug, lang), cancellationToken);

    /// <summary>A novel's chapters (without their texts) and the novel itself.</summary>
    [HttpGet("novels/{slug}/chapters")]
    [EnableRateLimiting(NovelsRateLimits.Reading)]
    [ProducesResponseType<PagedBody<NovelChaptersPage>>(StatusCodes.Status200OK)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public Task<PagedBody<NovelChaptersPage>> Chapters(
        string slug,
        [FromQuery] string? lang,
        [FromQuery] int? page,
        [FromQuery] int? limit,
        [FromQuery] string? sort,
        [FromQuery] string? order,
        CancellationToken cancellationToken) =>
        mediator.Send(new ListChaptersQuery(slug, lang, page, limit, sort, order), cancellationToken);

    /// <summary>A chapter's text in <c>lang</c> (else its first), with word count, reading time and its neighbours by number. Counts a view once per reader per hour.</summary>
    [HttpGet("chapters/{id}")]
    [EnableRateLimiting(NovelsRateLimits.Reading)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public Task<ChapterContentModel> Chapter(string id, [FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new ReadChapterQuery(id, lang), cancellationToken);

    /// <summary>Every tag with its novel count, by name in <c>lang</c>.</summary>
    [HttpGet("tags")]
    [EnableRateLimiting(NovelsRateLimits.Catalogue)]
    public Task<IReadOnlyList<TaxonCountModel>> Tags([FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new ListTagsQuery(lang), cancellationToken);

    /// <summary>Every genre with its novel count, by name in <c>lang</c>.</summary>
    [HttpGet("genres")]
    [EnableRateLimiting(NovelsRateLimits.Catalogue)]
    public Task<IReadOnlyList<TaxonCountModel>> Genres([FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new ListGenresQuery(lang), cancellationToken);

    /// <summary>
    /// A novel's cover image. Its URL never serves other bytes (a novel's cover is set once, at
    /// creation), so it is cacheable for a year as immutable; the entity tag is the content's SHA-256,
    /// and a matching <c>If-None-Match</c> gets 304.
    /// </summary>
    [HttpGet("covers/{novelId}")]
    [ProducesFile("image/png", "image/jpeg", "image/webp")]
    [ProducesResponseType(StatusCodes.Status200OK)]
    [ProducesResponseType(StatusCodes.Status304NotModified)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> Cover(string novelId, CancellationToken cancellationToken)
    {
        var cover = await mediator.Send(new GetCoverQuery(novelId), cancellationToken);
        Response.Headers.CacheControl = "public, max-age=31536000, immutable";
        // The type comes from the bytes' signature; a browser must not guess another one.
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(cover.Content.ToArray(), cover.ContentType, lastModified: null, new EntityTagHeaderValue($"\"{cover.Hash}\""));
    }

    private static IReadOnlyList<string>? Merge(string[]? bracketed, string[]? plain) =>
        bracketed is null && plain is null ? null : [.. bracketed ?? [], .. plain ?? []];
}
