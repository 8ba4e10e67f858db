using CleanGames.Domain.Mafia.Moderation;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Commands.AppealBan;

public sealed class AppealBanCommandValidator : AbstractValidator<AppealBanCommand>
{
    public AppealBanCommandValidator() => RuleFor(c => c.AppealText).NotEmpty().MaximumLength(Ban.MaxAppealLength);
}
