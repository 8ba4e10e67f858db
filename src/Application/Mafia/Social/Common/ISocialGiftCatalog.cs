using CleanGames.Domain.Mafia.Social;

namespace CleanGames.Application.Mafia.Social.Common;

/// <summary>The gifts <c>POST /api/social/gifts/send</c> sells and at what price: the gift data file, read once.</summary>
public interface ISocialGiftCatalog
{
    IReadOnlyList<SocialGiftType> Gifts { get; }

    SocialGiftType? Find(string giftType);
}
