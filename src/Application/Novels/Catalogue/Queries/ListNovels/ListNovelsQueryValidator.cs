using CleanGames.Application.Common.Models;
using CleanGames.Application.Novels.Common;
using FluentValidation;

namespace CleanGames.Application.Novels.Catalogue.Queries.ListNovels;

public sealed class ListNovelsQueryValidator : AbstractValidator<ListNovelsQuery>
{
    public const int MaxSearchLength = 200;
    public const int MaxSlugsPerFilter = 20;

    public ListNovelsQueryValidator()
    {
        Include(new NovelsPageValidator());
        RuleFor(q => q.Lang).KnownLanguage();
        RuleFor(q => q.Sort).OneOf(CatalogueSpec.Sorts, "sort").When(q => q.Sort is not null);
        RuleFor(q => q.Order).OneOf(NovelsRules.Orders, "order").When(q => q.Order is not null);
        RuleFor(q => q.Status).OneOf(NovelsRules.TranslationStatuses, "status").When(q => q.Status is not null);
        RuleFor(q => q.Search).MaximumLength(MaxSearchLength).WithMessage($"search may be at most {MaxSearchLength} characters.");
        RuleFor(q => q.Tags).Must(t => t is null || t.Count <= MaxSlugsPerFilter).OverridePropertyName("tags[]").WithMessage($"At most {MaxSlugsPerFilter} tags[] values.");
        RuleFor(q => q.Genres).Must(g => g is null || g.Count <= MaxSlugsPerFilter).OverridePropertyName("genres[]").WithMessage($"At most {MaxSlugsPerFilter} genres[] values.");
    }
}
