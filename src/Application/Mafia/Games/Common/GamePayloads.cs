using CleanGames.Application.Common.Events;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Mafia.Games;
using CleanGames.Domain.Mafia.Games.Events;
using MediatR;

namespace CleanGames.Application.Mafia.Games.Common;

public sealed record NightResultsPayload(string? Killed, bool Saved);

public sealed record InvestigationResultPayload(string Target, bool IsMafia);

public sealed record EliminatedPayload(string Reason);

public sealed record VotingStartedPayload(string SessionId, string Type, IReadOnlyList<string> EligibleTargets);

public sealed record VotingResultsPayload(string? Eliminated, IReadOnlyDictionary<string, int> VoteCounts);

public sealed record RoleAssignedPayload(string GameId, string Role, string RoleDescription);

/// <summary><c>results</c>: every player with role and fate, and the deal's seed and commitment; <c>rewards</c>: tokens by user id; <c>reward_note</c> (added): why they are 0, or null.</summary>
public sealed record GameEndedPayload(string Winner, GameResultsPayload Results, IReadOnlyDictionary<string, long> Rewards, string? RewardNote);

public sealed record GameResultsPayload(string GameId, int DayCount, IReadOnlyList<PlayerResultPayload> Players, string DealSeed, string DealCommitment);

public sealed record PlayerResultPayload(string UserId, string Role, bool Alive, string? DeathReason, bool Won);

public sealed record ChatPayload(string From, string Message, string Timestamp);

public sealed record EmojiPayload(string From, string Emoji, string Timestamp);

/// <summary>Seed <c>notification</c>: <c>{notification_type, data, timestamp}</c>.</summary>
public sealed record NotificationPayload(string NotificationType, object Data, string Timestamp);
