using CleanGames.Domain.Common;

namespace CleanGames.Domain.Novels.Taxonomy;

public static class TaxonErrors
{
    public static readonly DomainError InvalidSlug = DomainError.Invalid("novels.taxon.invalid_slug", "A slug is lowercase letters, digits and hyphens.");
    public static readonly DomainError InvalidName = DomainError.Invalid("novels.taxon.invalid_name", "A name needs a known language and some text.");
}
