using CleanGames.Domain.Common;

namespace CleanGames.Domain.Mafia.Social;

/// <summary>
/// A catalogue gift one player bought for another (seed 000 <c>POST /api/social/gifts/send</c>): paid by
/// the sender's ledger transaction <see cref="TransactionId"/>; the receiver's wallet is not credited.
/// </summary>
public sealed class SocialGift : AggregateRoot<Guid>
{
    public const int MaxGiftTypeLength = 64;

    private SocialGift()
    {
        GiftType = string.Empty;
    }

    public long SenderId { get; private set; }

    public long ReceiverId { get; private set; }

    public string GiftType { get; private set; }

    /// <summary>The catalogue price paid, in tokens.</summary>
    public long Price { get; private set; }

    /// <summary>The game both sat in, when the sender named one.</summary>
    public Guid? GameId { get; private set; }

    public Guid TransactionId { get; private set; }

    public DateTimeOffset SentAt { get; private set; }

    /// <summary>
    /// Records the gift <paramref name="transactionId"/> paid for. Nobody gifts themself; a gift named
    /// after a game is between two of its players.
    /// </summary>
    public static SocialGift Send(long senderId, long receiverId, string giftType, long price, SharedTable? table, Guid transactionId, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(giftType);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(price);
        EnsureMayGift(senderId, receiverId, table);
        var gift = new SocialGift
        {
            Id = Guid.CreateVersion7(now),
            SenderId = senderId,
            ReceiverId = receiverId,
            GiftType = giftType,
            Price = price,
            GameId = table?.GameId,
            TransactionId = transactionId,
            SentAt = now,
        };
        gift.Raise(new SocialGiftSent(gift.Id, transactionId, senderId, receiverId, giftType, price, gift.GameId, now));
        return gift;
    }

    /// <summary>The rules <see cref="Send"/> enforces, to check before any token moves.</summary>
    public static void EnsureMayGift(long senderId, long receiverId, SharedTable? table)
    {
        if (senderId == receiverId)
        {
            throw new DomainException(Economy.EconomyErrors.GiftToSelf);
        }

        table?.EnsureCoPlayers(senderId, receiverId);
    }
}
