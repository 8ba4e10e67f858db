using CleanGames.Application.Mafia.Social.Common;
using CleanGames.Domain.Mafia.Social;

namespace CleanGames.Infrastructure.Mafia.Social;

/// <summary>
/// <c>Mafia/Data/social-gifts.json</c> (embedded): what <c>POST /api/social/gifts/send</c> sells and at
/// what price. A file that lists a gift type twice, leaves one unnamed or prices one at 0 or less stops the start.
/// </summary>
internal sealed class SocialGiftCatalogFile : ISocialGiftCatalog
{
    private const string ResourceName = "CleanGames.Mafia.SocialGifts.json";

    private readonly Dictionary<string, SocialGiftType> _byType = new(StringComparer.Ordinal);

    private SocialGiftCatalogFile(IReadOnlyList<SocialGiftType> gifts)
    {
        Gifts = gifts;
        foreach (var gift in gifts)
        {
            if (gift.Price <= 0 || string.IsNullOrWhiteSpace(gift.GiftType) || gift.GiftType.Length > SocialGift.MaxGiftTypeLength
                || string.IsNullOrWhiteSpace(gift.Name) || !_byType.TryAdd(gift.GiftType, gift))
            {
                throw new InvalidOperationException($"{ResourceName}: gift {gift.GiftType} is listed twice, unnamed, too long or not priced above 0.");
            }
        }
    }

    public IReadOnlyList<SocialGiftType> Gifts { get; }

    public SocialGiftType? Find(string giftType) => _byType.GetValueOrDefault(giftType);

    public static SocialGiftCatalogFile Load() => new(MafiaDataFile.Read<FileShape>(ResourceName).Gifts);

    private sealed record FileShape(IReadOnlyList<SocialGiftType> Gifts);
}
