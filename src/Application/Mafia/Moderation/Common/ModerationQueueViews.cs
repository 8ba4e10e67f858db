using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Mafia.Moderation;
using CleanGames.Domain.Mafia.Social;

namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary>A report as the moderators see it: who filed it, the interim restriction it counted towards, and its resolution.</summary>
public sealed record ReportQueueItem(
    string ReportId,
    string ReporterUser,
    string ReportedUser,
    string GameId,
    string Reason,
    string? Evidence,
    string Status,
    string CreatedAt,
    string? InterimRestrictionId,
    string? ResolvedBy,
    string? ResolvedAt,
    string? ResolutionNote);

/// <summary>
/// An appeal as the moderators see it: <c>appeal_id</c> is the appealed ban's id (a ban holds one appeal
/// at a time), <c>status</c> its <c>appeal_status</c>, and <c>ban</c> the ban (its <c>notes</c>: the last resolution's note).
/// </summary>
public sealed record AppealQueueItem(string AppealId, string UserId, string? AppealText, string? AppealedAt, string Status, BanView Ban);

/// <summary>One page of the moderators' queue (<c>kind</c> <c>reports</c> or <c>appeals</c>, <c>status</c> <c>open</c> or <c>resolved</c>).</summary>
public sealed record ModerationQueuePage(string Kind, string Status, IReadOnlyList<object> Items, int Page, int PerPage, int Total, bool HasMore);

public static class ModerationQueueViews
{
    public static ReportQueueItem For(PlayerReport report) => new(
        MafiaIds.Of(report.Id),
        MafiaIds.Of(report.ReporterId),
        MafiaIds.Of(report.ReportedUserId),
        MafiaIds.Of(report.GameId),
        report.Reason,
        report.Evidence,
        SocialViews.NameOf(report.Status),
        GameViews.Timestamp(report.ReportedAt),
        report.InterimRestrictionId is { } restriction ? MafiaIds.Of(restriction) : null,
        report.ResolvedBy is { } moderator ? MafiaIds.Of(moderator) : null,
        report.ResolvedAt is { } at ? GameViews.Timestamp(at) : null,
        report.ResolutionNote);

    public static AppealQueueItem AppealOf(Ban ban) => new(
        MafiaIds.Of(ban.Id),
        MafiaIds.Of(ban.UserId),
        ban.AppealText,
        ban.AppealedAt is { } at ? GameViews.Timestamp(at) : null,
        ban.AppealStatus.ToString().ToLowerInvariant(),
        ModerationViews.For(ban));

    /// <summary>The id of a report or an appeal from the wire; one that is not a GUID names nothing.</summary>
    public static Guid? IdOf(string? id) => Guid.TryParse(id, System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
}
