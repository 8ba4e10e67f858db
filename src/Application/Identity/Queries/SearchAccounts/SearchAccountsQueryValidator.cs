using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Identity.Queries.SearchAccounts;

public sealed class SearchAccountsQueryValidator : AbstractValidator<SearchAccountsQuery>
{
    public const int MaxSearchLength = 100;

    public SearchAccountsQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(MaxSearchLength);
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null);
        RuleFor(q => q.PerPage).InclusiveBetween(1, PageRequest.MaxPageSize).When(q => q.PerPage is not null);
    }
}
