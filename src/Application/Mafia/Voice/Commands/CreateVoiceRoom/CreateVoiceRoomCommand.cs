using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Voice.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Voice;
using MediatR;

namespace CleanGames.Application.Mafia.Voice.Commands.CreateVoiceRoom;

/// <summary>Seed 000 <c>POST /api/voice/rooms?game_id=</c>: the game's voice room, opened by the first player who asks; later calls answer the same room.</summary>
[AuthorizeRequest]
public sealed record CreateVoiceRoomCommand(string? GameId) : IRequest<CreatedVoiceRoom>;

/// <summary>Seed 000's answer: <c>{"room_id"}</c>.</summary>
public sealed record CreatedVoiceRoom(string RoomId);

public sealed class CreateVoiceRoomCommandHandler(IRepository<VoiceRoom> rooms, VoiceAccess access, IUnitOfWork unitOfWork, IClock clock)
    : IRequestHandler<CreateVoiceRoomCommand, CreatedVoiceRoom>
{
    public async Task<CreatedVoiceRoom> Handle(CreateVoiceRoomCommand request, CancellationToken cancellationToken)
    {
        access.EnsureConfigured();
        var gameId = MafiaIds.Game(request.GameId);
        var seat = await access.SeatAsync(gameId, cancellationToken);
        if (await rooms.FirstOrDefaultAsync(new VoiceRoomOfGameSpec(gameId), cancellationToken) is { } existing)
        {
            return new CreatedVoiceRoom(MafiaIds.Of(existing.Id));
        }

        try
        {
            var room = await rooms.AddAsync(VoiceRoom.Open(gameId, seat.AccountId, clock.UtcNow), cancellationToken);
            await unitOfWork.SaveChangesAsync(cancellationToken);
            return new CreatedVoiceRoom(MafiaIds.Of(room.Id));
        }
        catch (DuplicateKeyException)
        {
            // Another player (or another instance) opened the game's room between the read and the
            // save: the unique index on the game kept one, and this request answers that one.
            unitOfWork.DiscardChanges();
            var winner = await rooms.FirstOrDefaultAsync(new VoiceRoomOfGameSpec(gameId), cancellationToken)
                         ?? throw new DomainException(MafiaErrors.VoiceRoomNotFound);
            return new CreatedVoiceRoom(MafiaIds.Of(winner.Id));
        }
    }
}
