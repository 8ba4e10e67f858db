using FluentValidation;

namespace CleanGames.Application.Mafia.Economy.Commands.RequestWithdrawal;

public sealed class RequestWithdrawalCommandValidator : AbstractValidator<RequestWithdrawalCommand>
{
    public RequestWithdrawalCommandValidator() => RuleFor(c => c.Amount).GreaterThan(0);
}
