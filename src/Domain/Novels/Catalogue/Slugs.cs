namespace CleanGames.Domain.Novels.Catalogue;

/// <summary>Seed 004 slugs (novels, tags, genres): lowercase latin letters, digits and hyphens.</summary>
public static class Slugs
{
    public const int MaxLength = 100;

    public static bool IsValid(string? slug) =>
        !string.IsNullOrEmpty(slug) && slug.Length <= MaxLength && slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-');
}
