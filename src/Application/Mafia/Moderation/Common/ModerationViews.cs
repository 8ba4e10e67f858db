using CleanGames.Application.Mafia.Common;
using CleanGames.Application.Mafia.Games.Common;
using CleanGames.Domain.Mafia.Moderation;

namespace CleanGames.Application.Mafia.Moderation.Common;

/// <summary>Seed 000 <c>Ban</c>: <c>type</c> is <c>temporary</c> or <c>permanent</c>; <c>appeal_status</c> <c>none</c>, <c>pending</c>, <c>approved</c> or <c>rejected</c>.</summary>
public sealed record BanView(string BanId, string UserId, string Type, string Reason, string IssuedBy, string IssuedAt, string? ExpiresAt, string? Evidence, string AppealStatus, string? Notes);

/// <summary>Seed 000 <c>Restriction</c>: <c>type</c> is <c>chat</c>, <c>voice</c> or <c>gifts</c>.</summary>
public sealed record RestrictionView(string RestrictionId, string UserId, string Type, string ExpiresAt, string Reason, int? Value);

/// <summary>Seed 000 <c>Warning</c>: <c>severity</c> 1 (mild) to 5.</summary>
public sealed record WarningView(string WarningId, string UserId, string Reason, int Severity, string IssuedAt);

/// <summary>Seed 000 <c>UserModerationStatus</c>.</summary>
public sealed record ModerationStatusView(
    bool Banned,
    BanView? BanDetails,
    IReadOnlyList<RestrictionView> Restrictions,
    IReadOnlyList<WarningView> Warnings,
    bool CanPlay,
    bool CanVoice,
    bool CanChat,
    bool CanSendGifts);

public static class ModerationViews
{
    public static BanView For(Ban ban) => new(
        MafiaIds.Of(ban.Id),
        MafiaIds.Of(ban.UserId),
        ban.IsPermanent ? "permanent" : "temporary",
        ban.Reason,
        MafiaIds.Of(ban.IssuedBy),
        GameViews.Timestamp(ban.IssuedAt),
        ban.ExpiresAt is { } expires ? GameViews.Timestamp(expires) : null,
        ban.Evidence,
        ban.AppealStatus.ToString().ToLowerInvariant(),
        ban.Notes);

    public static RestrictionView For(Restriction restriction) => new(
        MafiaIds.Of(restriction.Id),
        MafiaIds.Of(restriction.UserId),
        NameOf(restriction.Type),
        GameViews.Timestamp(restriction.ExpiresAt),
        restriction.Reason,
        restriction.Value);

    public static WarningView For(PlayerWarning warning) => new(
        MafiaIds.Of(warning.Id),
        MafiaIds.Of(warning.UserId),
        warning.Reason,
        warning.Severity,
        GameViews.Timestamp(warning.IssuedAt));

    /// <summary>The wire name of a restriction type.</summary>
    public static string NameOf(RestrictionType type) => type.ToString().ToLowerInvariant();

    /// <summary>The restriction type a wire name names; null for any other name.</summary>
    public static RestrictionType? TypeNamed(string? name) => name switch
    {
        "chat" => RestrictionType.Chat,
        "voice" => RestrictionType.Voice,
        "gifts" => RestrictionType.Gifts,
        _ => null,
    };
}
