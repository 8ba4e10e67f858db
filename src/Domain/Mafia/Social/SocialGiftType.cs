namespace CleanGames.Domain.Mafia.Social;

/// <summary>A gift the catalogue sells (the social gift data file), at the server's price.</summary>
public sealed record SocialGiftType(string GiftType, string Name, long Price);
