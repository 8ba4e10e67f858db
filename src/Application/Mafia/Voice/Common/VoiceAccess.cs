using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Mafia.Voice.Common;

/// <summary>The caller's place in a game's voice: a player (alive or dead) of a game still being played, not barred by their standing.</summary>
public sealed record VoiceSeat(long AccountId, bool CanPublish);

/// <summary>
/// Who may use a game's voice room. Only the game's players, admins included only when they play:
/// a room is the table's conversation, and a token lets its holder listen. The dead stay to listen
/// (they stay at the table until the end, as in chat) but may not speak, nor may a player whose
/// standing switched voice off.
/// </summary>
public sealed class VoiceAccess(IReadRepository<Game> games, IPlayerStanding standing, ICurrentUser user, IOptions<VoiceOptions> options)
{
    public long CallerId => user.AccountId ?? throw new DomainException(PlatformErrors.Unauthenticated);

    public VoiceOptions Options => options.Value;

    /// <summary>A server without an SFU answers every voice route with 503, before reading anything.</summary>
    public void EnsureConfigured()
    {
        if (!options.Value.IsConfigured)
        {
            throw new DomainException(MafiaErrors.VoiceUnavailable);
        }
    }

    public async Task<VoiceSeat> SeatAsync(Guid gameId, CancellationToken cancellationToken)
    {
        var caller = CallerId;
        var row = await games.FirstOrDefaultAsync(new VoiceSeatSpec(gameId, caller), cancellationToken)
                  ?? throw new DomainException(MafiaErrors.GameNotFound);
        if (row.Alive is not { } alive)
        {
            throw new DomainException(GameErrors.NotAPlayer);
        }

        var standingNow = await standing.OfAsync(caller, cancellationToken);
        if (!standingNow.CanPlay)
        {
            throw new DomainException(MafiaErrors.Restricted(standingNow.Reason!));
        }

        if (row.Ended)
        {
            throw new DomainException(MafiaErrors.VoiceGameEnded);
        }

        return new VoiceSeat(caller, alive && standingNow.CanVoice);
    }
}
