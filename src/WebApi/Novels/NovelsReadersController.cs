using CleanGames.Application.Common.Models;
using CleanGames.Application.Novels.Bookmarks.Commands.AddBookmark;
using CleanGames.Application.Novels.Bookmarks.Commands.MoveBookmark;
using CleanGames.Application.Novels.Bookmarks.Commands.RemoveBookmark;
using CleanGames.Application.Novels.Bookmarks.Queries.ListBookmarks;
using CleanGames.Application.Novels.Common;
using CleanGames.Application.Novels.Readers.Commands.SaveProgress;
using CleanGames.Application.Novels.Readers.Queries.GetProgress;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Novels;

/// <summary>Seed 004 <c>POST /progress</c> body.</summary>
public sealed record SaveProgressRequest(string? NovelId = null, string? ChapterId = null, int? Position = null);

/// <summary>Seed 004 <c>POST /bookmarks</c> body.</summary>
public sealed record AddBookmarkRequest(string? NovelId = null, string? ListCode = null);

/// <summary>Seed 004 <c>PUT /bookmarks/{novel_id}</c> body.</summary>
public sealed record MoveBookmarkRequest(string? ListCode = null);

/// <summary>
/// Seed 004's reader routes under <c>/api/v1</c>: reading progress and bookmarks. Each needs a
/// token (401 <c>UNAUTHORIZED</c> without one); the reader is the token's account, never a field
/// of the request.
/// </summary>
[ApiController]
[Authorize]
[Route("api/v1")]
[ApiDialect(ApiDialect.Novels)]
[Tags("Novels: readers")]
public sealed class NovelsReadersController(IMediator mediator) : ControllerBase
{
    /// <summary>Saves the reader's place in a novel (one per novel, replaced by every later write) and pushes it to their other connections on <c>/hubs/reader</c>.</summary>
    [HttpPost("progress")]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public Task<SaveProgressResult> SaveProgress([FromBody] SaveProgressRequest body, CancellationToken cancellationToken) =>
        mediator.Send(new SaveProgressCommand(body.NovelId, body.ChapterId, body.Position), cancellationToken);

    /// <summary>The reader's progress in a novel; <c>data</c> is null when they have none.</summary>
    [HttpGet("progress/{novelId}")]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public Task<ReadingProgressModel?> GetProgress(string novelId, CancellationToken cancellationToken) =>
        mediator.Send(new GetProgressQuery(novelId), cancellationToken);

    /// <summary>The reader's bookmarks (of one list with <c>list_code</c>) and the five lists with their counts, which ignore the filter.</summary>
    [HttpGet("bookmarks")]
    [ProducesResponseType<PagedBody<BookmarksPage>>(StatusCodes.Status200OK)]
    public Task<PagedBody<BookmarksPage>> ListBookmarks(
        [FromQuery(Name = "list_code")] string? listCode,
        [FromQuery] int? page,
        [FromQuery] int? limit,
        [FromQuery] string? sort,
        [FromQuery] string? order,
        [FromQuery] string? lang,
        CancellationToken cancellationToken) =>
        mediator.Send(new ListBookmarksQuery(listCode, page, limit, sort, order, lang), cancellationToken);

    /// <summary>Bookmarks a novel (201), or moves the reader's bookmark of it to <c>list_code</c> (200).</summary>
    [HttpPost("bookmarks")]
    [NovelsAccountRateLimit(NovelsAccountRateLimitAttribute.Bookmarks)]
    [ProducesResponseType<BookmarkModel>(StatusCodes.Status201Created)]
    [ProducesResponseType<BookmarkModel>(StatusCodes.Status200OK)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public async Task<IActionResult> AddBookmark([FromBody] AddBookmarkRequest body, [FromQuery] string? lang, CancellationToken cancellationToken)
    {
        var change = await mediator.Send(new AddBookmarkCommand(body.NovelId, body.ListCode, lang), cancellationToken);
        return StatusCode(change.Created ? StatusCodes.Status201Created : StatusCodes.Status200OK, change.Bookmark);
    }

    /// <summary>Moves the reader's bookmark of a novel to another list.</summary>
    [HttpPut("bookmarks/{novelId}")]
    [NovelsAccountRateLimit(NovelsAccountRateLimitAttribute.Bookmarks)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public Task<BookmarkModel> MoveBookmark(string novelId, [FromBody] MoveBookmarkRequest body, [FromQuery] string? lang, CancellationToken cancellationToken) =>
        mediator.Send(new MoveBookmarkCommand(novelId, body.ListCode, lang), cancellationToken);

    /// <summary>Removes the reader's bookmark of a novel; <c>data</c> is null.</summary>
    [HttpDelete("bookmarks/{novelId}")]
    [NovelsAccountRateLimit(NovelsAccountRateLimitAttribute.Bookmarks)]
    [ProducesErrors(StatusCodes.Status404NotFound)]
    public async Task<object?> RemoveBookmark(string novelId, CancellationToken cancellationToken)
    {
        await mediator.Send(new RemoveBookmarkCommand(novelId), cancellationToken);
        return null;
    }
}
