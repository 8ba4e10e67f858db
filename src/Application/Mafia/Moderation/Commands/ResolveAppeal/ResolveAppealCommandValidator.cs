using CleanGames.Domain.Mafia.Moderation;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Commands.ResolveAppeal;

public sealed class ResolveAppealCommandValidator : AbstractValidator<ResolveAppealCommand>
{
    public ResolveAppealCommandValidator()
    {
        RuleFor(c => c.Action).Must(a => a is ResolveAppealCommand.Accept or ResolveAppealCommand.Reject).WithMessage("action must be accept or reject");
        RuleFor(c => c.Note).NotEmpty().MaximumLength(Ban.MaxNotesLength);
    }
}
