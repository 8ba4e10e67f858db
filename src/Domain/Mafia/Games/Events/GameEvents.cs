using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Games.Events;

public sealed record GameStarted(Guid GameId, Guid? LobbyId, IReadOnlyList<(long AccountId, Role Role)> Players) : IDomainEvent;

public sealed record PhaseChanged(Guid GameId, GamePhase Phase, int DayCount, int PhaseNumber, DateTimeOffset? Deadline) : IDomainEvent;

public sealed record NightResolved(Guid GameId, long? Killed, bool Saved) : IDomainEvent;

public sealed record PlayerInvestigated(Guid GameId, long DetectiveId, long TargetId, bool IsMafia) : IDomainEvent;

public sealed record PlayerEliminated(Guid GameId, long PlayerId, DeathReason Reason) : IDomainEvent;

public sealed record VotingStarted(Guid GameId, int PhaseNumber, IReadOnlyList<long> EligibleTargets) : IDomainEvent;

public sealed record VotingResolved(Guid GameId, long? Eliminated, IReadOnlyDictionary<long, int> VoteCounts) : IDomainEvent;

public sealed record GameEnded(Guid GameId, Team Winner, IReadOnlyList<GameReward> Rewards, string DealSeed, string? RewardNote) : IDomainEvent;
