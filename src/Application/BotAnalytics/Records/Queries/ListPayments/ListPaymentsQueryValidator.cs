using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;

public sealed class ListPaymentsQueryValidator : AbstractValidator<ListPaymentsQuery>
{
    public ListPaymentsQueryValidator()
    {
        Include(new PageRequestValidator(PageLimits.Dashboard));
        Include(new DayRangeValidator());
    }
}
