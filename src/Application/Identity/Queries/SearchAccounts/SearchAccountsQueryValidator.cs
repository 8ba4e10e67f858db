using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Identity.Queries.SearchAccounts;

public sealed class SearchAccountsQueryValidator : AbstractValidator<SearchAccountsQuery>
{
    public const int MaxSearchLength = 100;

    public SearchAccountsQueryValidator()
    {
        RuleFor(q => q.Search).MaximumLength(MaxSearchLength);
        Include(new PageRequestValidator());
    }
}
