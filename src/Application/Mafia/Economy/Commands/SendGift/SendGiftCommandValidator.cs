using CleanGames.Domain.Mafia.Economy;
using FluentValidation;

namespace CleanGames.Application.Mafia.Economy.Commands.SendGift;

public sealed class SendGiftCommandValidator : AbstractValidator<SendGiftCommand>
{
    public SendGiftCommandValidator()
    {
        RuleFor(c => c.ToUser).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Amount).GreaterThan(0).LessThanOrEqualTo(SendGiftCommand.MaxAmount);
        RuleFor(c => c.Message).MaximumLength(LedgerTransaction.MaxMessageLength);
    }
}
