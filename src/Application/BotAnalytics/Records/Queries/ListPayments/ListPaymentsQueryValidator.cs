using CleanGames.Application.BotAnalytics.Records.Common;
using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListPayments;

public sealed class ListPaymentsQueryValidator : AbstractValidator<ListPaymentsQuery>
{
    public ListPaymentsQueryValidator()
    {
        Include(new PageRequestValidator(PageLimits.Dashboard));
        RuleFor(q => q.EndDate).GreaterThanOrEqualTo(q => q.StartDate)
            .When(q => q.StartDate is not null && q.EndDate is not null)
            .WithMessage("end_date must not be before start_date.");
        RuleFor(q => q.EndDate).Must((q, end) => end!.Value.DayNumber - q.StartDate!.Value.DayNumber < DayRange.MaxDays)
            .When(q => q.StartDate is not null && q.EndDate is not null && q.EndDate >= q.StartDate)
            .WithMessage($"A date range spans at most {DayRange.MaxDays} days.");
    }
}
