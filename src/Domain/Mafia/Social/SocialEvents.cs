using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Social;

/// <summary>A catalogue gift was saved: the receiver is told.</summary>
public sealed record SocialGiftSent(Guid GiftId, Guid TransactionId, long SenderId, long ReceiverId, string GiftType, long Price, Guid? GameId, DateTimeOffset At) : IDomainEvent;
