using CleanGames.Application.BotAnalytics.Bots.Commands.RegisterBot;
using CleanGames.Application.BotAnalytics.Bots.Commands.RotateIngestKey;
using CleanGames.Application.BotAnalytics.Bots.Queries.ListBots;
using CleanGames.Application.BotAnalytics.Common;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.BotAnalytics;

/// <summary><c>POST /api/bots</c> body: the bot's token from @BotFather (not stored).</summary>
public sealed record RegisterBotRequest(string? BotToken = null);

/// <summary>Seed 003 <c>/api/bots</c> and our bot registration and ingest keys, in the FastAPI dialect.</summary>
[ApiController]
[Authorize]
[Route("api/bots")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("BotAnalytics: bots")]
public sealed class BotsController(IMediator mediator) : ControllerBase
{
    /// <summary>Seed 003: the bots whose <c>admin_id</c> is the caller's Telegram id.</summary>
    [HttpGet]
    public Task<IReadOnlyList<BotView>> List(CancellationToken cancellationToken) => mediator.Send(new ListBotsQuery(), cancellationToken);

    /// <summary>Registers a bot for the caller's Telegram id; <c>ingest_key</c> is shown only in this answer.</summary>
    [ProducesResponseType<RegisteredBot>(StatusCodes.Status201Created)]
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status409Conflict)]
    [HttpPost]
    public async Task<IActionResult> Register(RegisterBotRequest request, CancellationToken cancellationToken) =>
        StatusCode(StatusCodes.Status201Created, await mediator.Send(new RegisterBotCommand(request.BotToken), cancellationToken));

    /// <summary>A new ingest key for the bot (its <c>uid</c>); the previous key stops working.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpPost("{botId}/ingest-key")]
    public Task<IngestKeyIssued> RotateIngestKey(long botId, CancellationToken cancellationToken) =>
        mediator.Send(new RotateIngestKeyCommand(botId), cancellationToken);
}
