using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Economy;

/// <summary>A gift was saved: the receiver is told.</summary>
public sealed record GiftSent(Guid TransactionId, long GiverId, long ReceiverId, long Amount, string? Message, DateTimeOffset At) : IDomainEvent;
