using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Social;

namespace CleanGames.Application.Mafia.Social.Common;

/// <summary>One entry of <c>GET /api/social/gifts/catalog</c>.</summary>
public sealed record GiftCatalogItemView(string GiftType, string Name, long Price);

/// <summary>The answer to <c>POST /api/social/linguistic/rate</c> (the seed names none).</summary>
public sealed record LinguisticRatingView(string RatingId, string RaterUser, string RatedUser, string Language, int Score, string GameId, string CreatedAt);

/// <summary>The answer to <c>POST /api/social/report</c> (the seed names none): the report as its author sees it.</summary>
public sealed record PlayerReportView(string ReportId, string ReportedUser, string GameId, string Reason, string? Evidence, string Status, string CreatedAt);

/// <summary>Seed 000 <c>UserSocialStats</c>.</summary>
public sealed record SocialStatsView(
    string UserId,
    int LikesReceived,
    int LikesGiven,
    int GiftsReceived,
    int GiftsSent,
    int ReportsReceived,
    int ReportsSent,
    int FriendsCount,
    IReadOnlyDictionary<string, double> LinguisticRatings);

public static class SocialViews
{
    public static LinguisticRatingView For(LinguisticRating rating) => new(
        MafiaIds.Of(rating.Id),
        MafiaIds.Of(rating.RaterId),
        MafiaIds.Of(rating.RatedUserId),
        rating.Language,
        rating.Score,
        MafiaIds.Of(rating.GameId),
        GameViews.Timestamp(rating.RatedAt));

    public static PlayerReportView For(PlayerReport report) => new(
        MafiaIds.Of(report.Id),
        MafiaIds.Of(report.ReportedUserId),
        MafiaIds.Of(report.GameId),
        report.Reason,
        report.Evidence,
        NameOf(report.Status),
        GameViews.Timestamp(report.ReportedAt));

    public static string NameOf(ReportStatus status) => status.ToString().ToLowerInvariant();
}
