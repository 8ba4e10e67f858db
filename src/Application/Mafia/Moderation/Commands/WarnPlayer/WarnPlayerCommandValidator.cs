using CleanGames.Domain.Mafia.Moderation;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Commands.WarnPlayer;

public sealed class WarnPlayerCommandValidator : AbstractValidator<WarnPlayerCommand>
{
    public WarnPlayerCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Restriction.MaxReasonLength);
        RuleFor(c => c.Severity).InclusiveBetween(PlayerWarning.MinSeverity, PlayerWarning.MaxSeverity);
    }
}
