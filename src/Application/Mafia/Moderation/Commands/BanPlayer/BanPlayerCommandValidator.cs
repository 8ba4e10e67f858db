using CleanGames.Domain.Mafia.Moderation;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Commands.BanPlayer;

public sealed class BanPlayerCommandValidator : AbstractValidator<BanPlayerCommand>
{
    public BanPlayerCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.DurationHours).InclusiveBetween(1, BanPlayerCommand.MaxDurationHours);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(Ban.MaxReasonLength);
        RuleFor(c => c.Evidence).MaximumLength(Ban.MaxEvidenceLength);
    }
}
