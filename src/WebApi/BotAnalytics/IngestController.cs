using CleanGames.Application.BotAnalytics.Ingestion.Commands.IngestBatch;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;

namespace CleanGames.WebApi.BotAnalytics;

/// <summary>
/// <c>POST /api/ingest</c>: a bot sends its users, payments and subscriptions with its
/// <c>X-Ingest-Key</c>. Our own route: Problem Details, with 422 for a refused batch.
/// </summary>
[ApiController]
[Route("api/ingest")]
[ApiDialect(ApiDialect.ProblemDetails)]
[ValidationStatus(StatusCodes.Status422UnprocessableEntity)]
[Tags("BotAnalytics: ingestion")]
public sealed class IngestController(IMediator mediator) : ControllerBase
{
    public const string KeyHeader = "X-Ingest-Key";

    [ProducesErrors(StatusCodes.Status401Unauthorized, StatusCodes.Status422UnprocessableEntity)]
    [HttpPost]
    public Task<IngestAccepted> Ingest([FromHeader(Name = KeyHeader)] string? ingestKey, IngestBatch batch, CancellationToken cancellationToken) =>
        mediator.Send(new IngestBatchCommand(ingestKey, batch), cancellationToken);
}
