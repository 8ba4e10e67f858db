using CleanGames.Application.Mafia.Voice.Commands.CreateVoiceRoom;
using CleanGames.Application.Mafia.Voice.Queries.GetVoiceRoom;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Mafia;

/// <summary>Seed 000 section 4, <c>/api/voice</c>, in the FastAPI dialect: one voice room per game, joined on an external SFU with a LiveKit access token.</summary>
[ApiController]
[Authorize]
[Route("api/voice")]
[ApiDialect(ApiDialect.FastApi)]
[Tags("Mafia: voice")]
public sealed class VoiceController(IMediator mediator) : ControllerBase
{
    /// <summary>The game's voice room (players only): opened on the first call, the same <c>room_id</c> afterwards.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable)]
    [HttpPost("rooms")]
    public Task<CreatedVoiceRoom> Create([FromQuery(Name = "game_id")] string? gameId, CancellationToken cancellationToken) =>
        mediator.Send(new CreateVoiceRoomCommand(gameId), cancellationToken);

    /// <summary>The room and a short-lived join token for the caller (players only); <c>can_publish</c> is false for the dead and for players whose voice is switched off.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict, StatusCodes.Status503ServiceUnavailable)]
    [HttpGet("rooms/{roomId}")]
    public Task<VoiceRoomView> Get(string roomId, CancellationToken cancellationToken) =>
        mediator.Send(new GetVoiceRoomQuery(roomId), cancellationToken);
}
