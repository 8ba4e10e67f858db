using CleanGames.Application.BotAnalytics.Common;
using CleanGames.Application.BotAnalytics.Dashboards.Common;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Dashboards.Queries.GetAnalytics;

public sealed class GetAnalyticsQueryValidator : AbstractValidator<GetAnalyticsQuery>
{
    public GetAnalyticsQueryValidator()
    {
        RuleFor(q => q.StartDate).NotNull().WithMessage("Field required");
        RuleFor(q => q.EndDate).NotNull().WithMessage("Field required");
        Include(new DayRangeValidator());
        RuleFor(q => q.Tz).Must(DashboardTimeZones.IsKnown).WithMessage("tz must be an IANA time zone name such as Europe/Moscow.");
        RuleFor(q => q.Compare).Must(Comparisons.IsKnown)
            .WithMessage($"compare must be {Comparisons.PreviousPeriod} or {Comparisons.PreviousYear}.");
    }
}
