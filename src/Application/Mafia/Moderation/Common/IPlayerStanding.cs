namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary>
/// What an account may do in Mafia now (seed <c>UserModerationStatus</c>'s <c>can_*</c> fields): a ban
/// stops everything; a restriction switches off chat, voice or gifts until it expires.
/// <see cref="Reason"/> says why, for the first thing refused (null when everything is allowed).
/// </summary>
public sealed record PlayerStanding(bool CanPlay, bool CanVoice, bool CanChat, bool CanSendGifts, string? Reason)
{
    public static readonly PlayerStanding Clear = new(true, true, true, true, null);
}

/// <summary>Reads an account's <see cref="PlayerStanding"/>.</summary>
public interface IPlayerStanding
{
    Task<PlayerStanding> OfAsync(long accountId, CancellationToken cancellationToken);
}
