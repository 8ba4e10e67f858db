using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Queries.GetModerationQueue;

public sealed class GetModerationQueueQueryValidator : AbstractValidator<GetModerationQueueQuery>
{
    public GetModerationQueueQueryValidator()
    {
        Include(new PageRequestValidator());
        RuleFor(q => q.Kind).Must(k => k is GetModerationQueueQuery.Reports or GetModerationQueueQuery.Appeals).WithMessage("kind must be reports or appeals");
        RuleFor(q => q.Status).Must(s => s is null or GetModerationQueueQuery.Open or GetModerationQueueQuery.Resolved).WithMessage("status must be open or resolved");
    }
}
