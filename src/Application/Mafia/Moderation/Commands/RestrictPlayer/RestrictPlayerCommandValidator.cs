using CleanGames.Application.Mafia.Moderation.Common;
using CleanGames.Domain.Mafia.Moderation;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Commands.RestrictPlayer;

public sealed class RestrictPlayerCommandValidator : AbstractValidator<RestrictPlayerCommand>
{
    public RestrictPlayerCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Type).Must(t => ModerationViews.TypeNamed(t) is not null).WithMessage("type must be chat, voice or gifts");
        RuleFor(c => c.DurationHours).InclusiveBetween(1, RestrictPlayerCommand.MaxDurationHours);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Restriction.MaxReasonLength);
        RuleFor(c => c.Value).GreaterThanOrEqualTo(0);
    }
}
