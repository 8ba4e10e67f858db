using CleanGames.Application.Mafia.Economy.Common;
using CleanGames.Application.Mafia.Social.Commands.RateLinguistic;
using CleanGames.Application.Mafia.Social.Commands.ReportPlayer;
using CleanGames.Application.Mafia.Social.Commands.SendSocialGift;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Application.Mafia.Social.Queries.GetGiftCatalog;
using CleanGames.Application.Mafia.Social.Queries.GetSocialStats;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.Idempotency;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Mafia;

/// <summary>Seed 000 <c>SendGiftRequest</c> of section 6 (a catalogue gift, not the economy's token gift).</summary>
public sealed record SocialGiftRequest(string? ToUser = null, string? GiftType = null, string? GameId = null);

/// <summary>Seed 000 <c>RateLinguisticRequest</c>: <c>score</c> 1–5, <c>language</c> an ISO 639-1 code.</summary>
public sealed record RateLinguisticRequest(string? RatedUser = null, string? Language = null, int Score = 0, string? GameId = null);

/// <summary>Seed 000 <c>ReportPlayerRequest</c>.</summary>
public sealed record ReportPlayerRequest(string? ReportedUser = null, string? Reason = null, string? GameId = null, string? Evidence = null);

/// <summary>Seed 000 section 6, <c>/api/social</c>, in the FastAPI dialect.</summary>
[ApiController]
[Authorize]
[Route("api/social")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: social")]
public sealed class SocialController(IMediator mediator) : ControllerBase
{
    /// <summary>What <c>gifts/send</c> sells, at the current prices.</summary>
    [HttpGet("gifts/catalog")]
    public Task<IReadOnlyList<GiftCatalogItemView>> GiftCatalog(CancellationToken cancellationToken) => mediator.Send(new GetGiftCatalogQuery(), cancellationToken);

    /// <summary>Buys a catalogue gift for another player (the catalogue's price, from the caller's wallet); answers the caller's debit.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound)]
    [Idempotent]
    [HttpPost("gifts/send")]
    public Task<TransactionView> SendGift(SocialGiftRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new SendSocialGiftCommand(request.ToUser, request.GiftType, request.GameId), cancellationToken);

    /// <summary>Scores a co-player's language 1–5 after an ended game (once per pair, language and game).</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("linguistic/rate")]
    public Task<LinguisticRatingView> Rate(RateLinguisticRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new RateLinguisticCommand(request.RatedUser, request.Language, request.Score, request.GameId), cancellationToken);

    /// <summary>Reports a co-player of a game (once per pair and game); enough distinct reporters in a day switch the player's chat off until a moderator looks.</summary>
    [ProducesErrors(StatusCodes.Status400BadRequest, StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPost("report")]
    public Task<PlayerReportView> Report(ReportPlayerRequest request, CancellationToken cancellationToken) =>
        mediator.Send(new ReportPlayerCommand(request.ReportedUser, request.Reason, request.GameId, request.Evidence), cancellationToken);

    /// <summary>A player's social stats (any signed-in user: a public profile).</summary>
    [ProducesErrors(StatusCodes.Status404NotFound)]
    [HttpGet("stats/{userId}")]
    public Task<SocialStatsView> Stats(string userId, CancellationToken cancellationToken) =>
        mediator.Send(new GetSocialStatsQuery(userId), cancellationToken);
}
