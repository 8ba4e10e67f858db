using CleanGames.Application.Novels.Common;
using CleanGames.Domain.Novels.Catalogue;
using FluentValidation;

namespace CleanGames.Application.Novels.Catalogue.Commands.CreateNovel;

public sealed class CreateNovelCommandValidator : AbstractValidator<CreateNovelCommand>
{
    public const int MaxTitleLength = 500;
    public const int MaxDescriptionLength = 20_000;
    public const int MaxAuthorLength = 200;
    public const int MaxAltTitles = 20;

    // Base64 of 2 MB is 4 characters for every 3 bytes.
    public const int MaxCoverBase64Length = (CoverImage.MaxBytes + 2) / 3 * 4;

    public CreateNovelCommandValidator()
    {
        RuleFor(c => c.Slug).NotEmpty().WithMessage("slug is required.")
            .Must(Slugs.IsValid).When(c => !string.IsNullOrEmpty(c.Slug), ApplyConditionTo.CurrentValidator).WithMessage($"slug is lowercase letters, digits and hyphens, at most {Slugs.MaxLength} characters.");
        RuleFor(c => c.TranslationStatus).OneOf(NovelsRules.TranslationStatuses, "translation_status");
        RuleFor(c => c.OriginalChaptersCount).GreaterThanOrEqualTo(0).When(c => c.OriginalChaptersCount is not null).WithMessage("original_chapters_count is 0 or more.");
        RuleFor(c => c.ReleaseYear).InclusiveBetween(1, 9999).When(c => c.ReleaseYear is not null).WithMessage("release_year must be a year.");
        RuleFor(c => c.Lang).KnownLanguage().When(c => c.Lang is not null);
        RuleFor(c => c.CoverImage).Must(BeAnImage).When(c => c.CoverImage is not null)
            .WithMessage("cover_image must be plain base64 of a PNG, JPEG or WebP image of at most 2 MB.");
        RuleFor(c => c.Localizations).NotEmpty().WithMessage("localizations needs at least one entry.")
            .Must(l => l!.Count <= NovelLanguages.All.Count).When(c => c.Localizations is { Count: > 0 }, ApplyConditionTo.CurrentValidator).WithMessage("One localization per language at most.");
        RuleForEach(c => c.Localizations).ChildRules(l =>
        {
            l.RuleFor(x => x!.Lang).KnownLanguage();
            l.RuleFor(x => x!.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title may not be empty.")
                .MaximumLength(MaxTitleLength).WithMessage($"title may be at most {MaxTitleLength} characters.");
            l.RuleFor(x => x!.Description).MaximumLength(MaxDescriptionLength).WithMessage($"description may be at most {MaxDescriptionLength} characters.");
            l.RuleFor(x => x!.Author).MaximumLength(MaxAuthorLength).WithMessage($"author may be at most {MaxAuthorLength} characters.");
            l.RuleFor(x => x!.AltTitles).Must(a => a is null || (a.Count <= MaxAltTitles && a.All(t => !string.IsNullOrWhiteSpace(t) && t.Length <= MaxTitleLength)))
                .WithMessage($"alt_titles holds at most {MaxAltTitles} non-empty titles of at most {MaxTitleLength} characters.");
        }).When(c => c.Localizations is not null);
        RuleForEach(c => c.Localizations).NotNull().WithMessage("A localization is an object.");
        RuleFor(c => c.Localizations).Custom((list, context) =>
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (list![i]?.Lang is { } lang && !seen.Add(lang))
                {
                    context.AddFailure($"Localizations[{i}].Lang", "Each language may be localized once.");
                }
            }
        });
        RuleFor(c => c.Tags).Must(BeSlugs).WithMessage($"tags is a list of at most {Novel.MaxTags} slugs (lowercase letters, digits, hyphens).");
        RuleFor(c => c.Genres).Must(BeSlugs).WithMessage($"genres is a list of at most {Novel.MaxTags} slugs (lowercase letters, digits, hyphens).");
    }

    private static bool BeSlugs(IReadOnlyList<string>? slugs) => slugs is null || (slugs.Count <= Novel.MaxTags && slugs.All(Slugs.IsValid));

    // The bytes decide, not a name: strict base64 (a "data:" prefix is not base64) whose first bytes are an image's.
    private static bool BeAnImage(string? base64)
    {
        if (base64 is null || base64.Length > MaxCoverBase64Length)
        {
            return false;
        }

        var buffer = new byte[(base64.Length / 4 * 3) + 3];
        return Convert.TryFromBase64String(base64, buffer, out var written)
               && written <= CoverImage.MaxBytes
               && CoverImage.MediaTypeOf(buffer.AsSpan(0, written)) is not null;
    }
}
