using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Moderation;

/// <summary>Moderation's refusals, worded for the player or the moderator.</summary>
public static class ModerationErrors
{
    public static readonly DomainError NotBanned = DomainError.Conflict("moderation.appeal.not_banned", "You are not banned");

    public static readonly DomainError AppealOpen = DomainError.Conflict("moderation.appeal.open", "You already have an open appeal");

    public static readonly DomainError BanEnded = DomainError.Conflict("moderation.ban.ended", "This ban has already ended");

    public static readonly DomainError NoOpenAppeal = DomainError.Conflict("moderation.appeal.not_open", "This ban has no open appeal");

    public static readonly DomainError RestrictionEnded = DomainError.Conflict("moderation.restriction.ended", "This restriction has already ended");
}
