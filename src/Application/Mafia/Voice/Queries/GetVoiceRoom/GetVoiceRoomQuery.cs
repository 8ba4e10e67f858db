using System.Globalization;
using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Voice.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Voice;
using MediatR;

namespace CleanGames.Application.Mafia.Voice.Queries.GetVoiceRoom;

/// <summary>Seed 000 <c>GET /api/voice/rooms/{room_id}</c>, with a fresh join token for the caller.</summary>
[AuthorizeRequest]
public sealed record GetVoiceRoomQuery(string? RoomId) : IRequest<VoiceRoomView>;

/// <summary>
/// Seed 000's <c>{"room_id"}</c> and what a client needs to join: the SFU's <c>url</c>, the caller's
/// join <c>token</c> (valid until <c>expires_at</c>, a Mafia timestamp: UTC, six fractional digits) and whether it lets them speak.
/// </summary>
public sealed record VoiceRoomView(string RoomId, string GameId, string Url, string Token, string ExpiresAt, bool CanPublish);

public sealed class GetVoiceRoomQueryHandler(IReadRepository<VoiceRoom> rooms, VoiceAccess access, IVoiceTokenIssuer tokens, IClock clock)
    : IRequestHandler<GetVoiceRoomQuery, VoiceRoomView>
{
    public async Task<VoiceRoomView> Handle(GetVoiceRoomQuery request, CancellationToken cancellationToken)
    {
        access.EnsureConfigured();
        var room = Guid.TryParse(request.RoomId, CultureInfo.InvariantCulture, out var roomId)
            ? await rooms.FirstOrDefaultAsync(new VoiceRoomByIdSpec(roomId), cancellationToken)
            : null;
        if (room is null)
        {
            throw new DomainException(MafiaErrors.VoiceRoomNotFound);
        }

        var seat = await access.SeatAsync(room.GameId, cancellationToken);
        var roomName = MafiaIds.Of(room.Id);
        var token = tokens.Issue(new VoiceGrant(MafiaIds.Of(seat.AccountId), roomName, seat.CanPublish), clock.UtcNow);
        return new VoiceRoomView(roomName, MafiaIds.Of(room.GameId), access.Options.Url!, token.Token, GameViews.Timestamp(token.ExpiresAt), seat.CanPublish);
    }
}
