using CleanGames.Application.Novels.Common;
using FluentValidation;

namespace CleanGames.Application.Novels.Chapters.Commands.PublishChapter;

public sealed class PublishChapterCommandValidator : AbstractValidator<PublishChapterCommand>
{
    public const int MaxTitleLength = 500;
    public const int MaxContentLength = 500_000;

    public static readonly IReadOnlyList<string> Sources = ["manual", "auto", "import"];

    public PublishChapterCommandValidator()
    {
        RuleFor(c => c.NovelId).NotEmpty().WithMessage("novel_id is required.");
        RuleFor(c => c.Number).NotNull().WithMessage("number is required.")
            .GreaterThanOrEqualTo(0).WithMessage("number is 0 or more.");
        RuleFor(c => c.Title).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("title may not be empty.")
            .MaximumLength(MaxTitleLength).WithMessage($"title may be at most {MaxTitleLength} characters.");
        RuleFor(c => c.Slug).Must(Domain.Novels.Catalogue.Slugs.IsValid).When(c => c.Slug is not null)
            .WithMessage("slug is lowercase letters, digits and hyphens.");
        RuleFor(c => c.Contents).NotEmpty().WithMessage("contents needs at least one entry.")
            .Must(l => l!.Count <= Domain.Novels.Catalogue.NovelLanguages.All.Count).When(c => c.Contents is { Count: > 0 }, ApplyConditionTo.CurrentValidator)
            .WithMessage("One content per language at most.");
        // Past that count the entries are not examined one by one: a long list gets one refusal, not one per entry.
        RuleForEach(c => c.Contents).NotNull().WithMessage("A content is an object.").ChildRules(content =>
        {
            content.RuleFor(x => x!.Lang).KnownLanguage();
            content.RuleFor(x => x!.Content).Must(t => !string.IsNullOrWhiteSpace(t)).WithMessage("content may not be empty.")
                .MaximumLength(MaxContentLength).WithMessage($"content may be at most {MaxContentLength} characters.");
            content.RuleFor(x => x!.Source).OneOf(Sources, "source");
        }).When(c => c.Contents is null || c.Contents.Count <= Domain.Novels.Catalogue.NovelLanguages.All.Count);
        RuleFor(c => c.Contents).Custom((list, context) =>
        {
            if (list is null || list.Count > Domain.Novels.Catalogue.NovelLanguages.All.Count)
            {
                return;
            }

            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < (list?.Count ?? 0); i++)
            {
                if (list![i]?.Lang is { } lang && !seen.Add(lang))
                {
                    context.AddFailure($"Contents[{i}].Lang", "Each language may have one content.");
                }
            }
        });
    }
}
