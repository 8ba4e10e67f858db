using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Novels.Catalogue.Commands.CreateNovel;
using CleanGames.Application.Novels.Chapters.Commands.PublishChapter;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Taxonomy.Commands.UpdateGenre;
using CleanGames.Application.Novels.Taxonomy.Commands.UpdateTag;
using CleanGames.Application.Novels.Taxonomy.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Novels;

/// <summary>Seed 004 <c>POST /admin/novels</c> body.</summary>
public sealed record CreateNovelRequest(
    string? Slug = null,
    string? TranslationStatus = null,
    int? OriginalChaptersCount = null,
    int? ReleaseYear = null,
    string? CoverImage = null,
    IReadOnlyList<NovelLocalizationInput>? Localizations = null,
    IReadOnlyList<string>? Tags = null,
    IReadOnlyList<string>? Genres = null);

/// <summary>Seed 004 <c>POST /admin/chapters</c> body.</summary>
public sealed record PublishChapterRequest(
    string? NovelId = null,
    int? Number = null,
    string? Title = null,
    string? Slug = null,
    IReadOnlyList<ChapterContentInput>? Contents = null);

/// <summary><c>PUT /admin/tags/{id}</c> and <c>PUT /admin/genres/{id}</c> body: <c>names</c> and/or <c>slug</c> to rename, or <c>merge_into</c> alone to merge.</summary>
public sealed record UpdateTaxonRequest(string? Slug = null, IReadOnlyList<TaxonNameInput>? Names = null, string? MergeInto = null);

/// <summary>
/// Seed 004's content administration under <c>/api/v1/admin</c>. A token is required (401 without).
/// A token without the admin role is refused (403) before its body is read, so 403 comes before any
/// 422 as the contract orders them; the role is then checked against the stored account on every
/// request too (a revoked admin's token still claims it).
/// </summary>
[ApiController]
[Authorize(Roles = Roles.Admin)]
[Route("api/v1/admin")]
[ApiDialect(ApiDialect.Novels)]
[Tags("Novels: administration")]
public sealed class NovelsAdminController(IMediator mediator) : ControllerBase
{
    // A 2 MB cover is about 2.7 MB of base64, above the host's 1 MiB default.
    private const long NovelBodyLimit = 4 * 1024 * 1024;
    private const long ChapterBodyLimit = 8 * 1024 * 1024;

    /// <summary>Creates a novel; unknown tag and genre slugs are created on the fly (named by their slug). <c>lang</c> picks the answer's language.</summary>
    [HttpPost("novels")]
    [NovelsAccountRateLimit(NovelsAccountRateLimitAttribute.Content)]
    [RequestSizeLimit(NovelBodyLimit)]
    [ProducesResponseType<NovelModel>(StatusCodes.Status201Created)]
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden)]
    public async Task<IActionResult> CreateNovel([FromBody] CreateNovelRequest body, [FromQuery] string? lang, CancellationToken cancellationToken)
    {
        var novel = await mediator.Send(
            new CreateNovelCommand(body.Slug, body.TranslationStatus, body.OriginalChaptersCount, body.ReleaseYear, body.CoverImage, body.Localizations, body.Tags, body.Genres, lang),
            cancellationToken);
        return StatusCode(StatusCodes.Status201Created, novel);
    }

    /// <summary>Publishes a chapter at once.</summary>
    [HttpPost("chapters")]
    [NovelsAccountRateLimit(NovelsAccountRateLimitAttribute.Content)]
    [RequestSizeLimit(ChapterBodyLimit)]
    [ProducesResponseType<ChapterModel>(StatusCodes.Status201Created)]
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public async Task<IActionResult> PublishChapter([FromBody] PublishChapterRequest body, CancellationToken cancellationToken)
    {
        var chapter = await mediator.Send(new PublishChapterCommand(body.NovelId, body.Number, body.Title, body.Slug, body.Contents), cancellationToken);
        return StatusCode(StatusCodes.Status201Created, chapter);
    }

    /// <summary>Renames a tag, or merges it into another (its novels move there and it is deleted). Answers the tag that remains.</summary>
    [HttpPut("tags/{id}")]
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public Task<TaxonCountModel> UpdateTag(string id, [FromBody] UpdateTaxonRequest body, [FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new UpdateTagCommand(id, body.Slug, body.Names, body.MergeInto, lang), cancellationToken);

    /// <summary>Renames a genre, or merges it into another. Answers the genre that remains.</summary>
    [HttpPut("genres/{id}")]
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    public Task<TaxonCountModel> UpdateGenre(string id, [FromBody] UpdateTaxonRequest body, [FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new UpdateGenreCommand(id, body.Slug, body.Names, body.MergeInto, lang), cancellationToken);
}
