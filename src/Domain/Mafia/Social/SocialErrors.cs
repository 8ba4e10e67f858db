using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Social;

/// <summary>The social features' refusals, worded for the player.</summary>
public static class SocialErrors
{
    public static readonly DomainError NotAPlayer = DomainError.Forbidden("social.game.not_a_player", "You are not a player in this game.");

    public static readonly DomainError NotCoPlayers = DomainError.Forbidden("social.game.not_co_players", "The player did not play in this game.");

    public static readonly DomainError GameNotEnded = DomainError.Conflict("social.rating.game_not_ended", "Players rate each other once the game has ended.");

    public static readonly DomainError RateSelf = DomainError.Invalid("social.rating.self", "You cannot rate yourself");

    public static readonly DomainError AlreadyRated = DomainError.Conflict("social.rating.duplicate", "You have already rated this player's language in this game");

    public static readonly DomainError ReportSelf = DomainError.Invalid("social.report.self", "You cannot report yourself");

    public static readonly DomainError AlreadyReported = DomainError.Conflict("social.report.duplicate", "You have already reported this player in this game");

    public static readonly DomainError ReportResolved = DomainError.Conflict("social.report.resolved", "This report has already been resolved");

    /// <summary>A gift type the catalogue does not sell (the validator answers 422 first; kept for a catalogue changed in between).</summary>
    public static readonly DomainError NoSuchGift = DomainError.Unprocessable("social.gift.unknown_type", "Unknown gift_type");
}
