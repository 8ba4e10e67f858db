using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListSubscriptions;

public sealed class ListSubscriptionsQueryValidator : AbstractValidator<ListSubscriptionsQuery>
{
    public ListSubscriptionsQueryValidator()
    {
        Include(new PageRequestValidator(PageLimits.Dashboard));
        RuleFor(q => q.Status).MaximumLength(128).WithMessage("status must be at most 128 characters.");
    }
}
