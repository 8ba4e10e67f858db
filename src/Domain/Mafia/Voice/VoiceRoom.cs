using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Voice;

/// <summary>
/// A game's voice room: the name its players join on the external SFU. A game has at most one (the
/// store's unique index on <see cref="GameId"/> holds that across racing creates and instances); who
/// may speak in it is decided when each join token is issued, not stored here.
/// </summary>
public sealed class VoiceRoom : AggregateRoot<Guid>
{
    private VoiceRoom()
    {
    }

    public Guid GameId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>The account (a player of the game) that asked for the room first.</summary>
    public long CreatedBy { get; private set; }

    public static VoiceRoom Open(Guid gameId, long createdBy, DateTimeOffset now)
    {
        if (gameId == Guid.Empty)
        {
            throw new ArgumentException("A voice room belongs to a game.", nameof(gameId));
        }

        return new VoiceRoom { Id = Guid.CreateVersion7(now), GameId = gameId, CreatedBy = createdBy, CreatedAt = now };
    }
}
