using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Moderation;

/// <summary>A ban took effect: the player's connections close and their seats are taken away.</summary>
public sealed record PlayerBanned(Guid BanId, long UserId, DateTimeOffset? ExpiresAt) : IDomainEvent;

/// <summary>A ban ended (it expired, or an appeal was accepted).</summary>
public sealed record BanLifted(Guid BanId, long UserId, BanEnd Reason) : IDomainEvent;

/// <summary>A restriction ended: it expired, or a moderator lifted it early (<paramref name="Expired"/> false).</summary>
public sealed record RestrictionLifted(Guid RestrictionId, long UserId, RestrictionType Type, bool Expired = true) : IDomainEvent;
