using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Economy;

/// <summary>A gift was saved: the receiver is told.</summary>
public sealed record GiftSent(Guid TransactionId, long GiverId, long ReceiverId, long Amount, string? Message, DateTimeOffset At) : IDomainEvent;

/// <summary>A withdrawal was paid (<paramref name="Completed"/>, with its transaction hash) or failed and was refunded.</summary>
public sealed record WithdrawalSettled(Guid TransactionId, long PlayerId, long Amount, bool Completed, string? TxHash, DateTimeOffset At) : IDomainEvent;
