using CleanGames.Domain.Mafia.Social;
using FluentValidation;

namespace CleanGames.Application.Mafia.Social.Commands.ReportPlayer;

public sealed class ReportPlayerCommandValidator : AbstractValidator<ReportPlayerCommand>
{
    public ReportPlayerCommandValidator()
    {
        RuleFor(c => c.ReportedUser).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(PlayerReport.MaxReasonLength);
        RuleFor(c => c.GameId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Evidence).MaximumLength(PlayerReport.MaxEvidenceLength);
    }
}
