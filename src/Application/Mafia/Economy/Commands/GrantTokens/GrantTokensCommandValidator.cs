using CleanGames.Domain.Mafia.Economy;
using FluentValidation;

namespace CleanGames.Application.Mafia.Economy.Commands.GrantTokens;

public sealed class GrantTokensCommandValidator : AbstractValidator<GrantTokensCommand>
{
    public GrantTokensCommandValidator()
    {
        RuleFor(c => c.UserId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Amount).GreaterThan(0).LessThanOrEqualTo(GrantTokensCommand.MaxAmount);
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(LedgerTransaction.MaxReasonLength);
    }
}
