using CleanGames.Domain.Mafia.Social;
using FluentValidation;

namespace CleanGames.Application.Mafia.Moderation.Commands.ResolveReport;

public sealed class ResolveReportCommandValidator : AbstractValidator<ResolveReportCommand>
{
    public ResolveReportCommandValidator()
    {
        RuleFor(c => c.Action).Must(a => a is ResolveReportCommand.Reject or ResolveReportCommand.Uphold).WithMessage("action must be reject or uphold");
        RuleFor(c => c.Note).NotEmpty().MaximumLength(PlayerReport.MaxNoteLength);
    }
}
