using CleanGames.Application.BotAnalytics.Common;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Dashboards.Queries.GetBotSummary;

public sealed class GetBotSummaryQueryValidator : AbstractValidator<GetBotSummaryQuery>
{
    public GetBotSummaryQueryValidator() =>
        RuleFor(q => q.Tz).Must(DashboardTimeZones.IsKnown).WithMessage("tz must be an IANA time zone name such as Europe/Moscow.");
}
