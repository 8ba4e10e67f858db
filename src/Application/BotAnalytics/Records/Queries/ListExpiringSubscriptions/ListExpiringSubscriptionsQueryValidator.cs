using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListExpiringSubscriptions;

public sealed class ListExpiringSubscriptionsQueryValidator : AbstractValidator<ListExpiringSubscriptionsQuery>
{
    public ListExpiringSubscriptionsQueryValidator()
    {
        Include(new PageRequestValidator(PageLimits.Dashboard));
        RuleFor(q => q.Days).InclusiveBetween(1, ListExpiringSubscriptionsQuery.MaxDays).When(q => q.Days is not null)
            .WithMessage($"days must be between 1 and {ListExpiringSubscriptionsQuery.MaxDays}.");
    }
}
