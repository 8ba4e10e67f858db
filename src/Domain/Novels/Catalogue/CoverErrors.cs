using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Catalogue;

public static class CoverErrors
{
    public static readonly DomainError NotAnImage = DomainError.Invalid("novels.cover.not_an_image", "The cover must be a PNG, JPEG or WebP image.");
    public static readonly DomainError TooLarge = DomainError.Invalid("novels.cover.too_large", "The cover may be at most 2 MB.");
}
