using FluentValidation;

namespace CleanGames.Application.Mafia.Economy.Commands.PurchaseItem;

public sealed class PurchaseItemCommandValidator : AbstractValidator<PurchaseItemCommand>
{
    public PurchaseItemCommandValidator()
    {
        RuleFor(c => c.ItemType).NotEmpty().MaximumLength(64);
        RuleFor(c => c.ItemId).NotEmpty().MaximumLength(64);
        RuleFor(c => c.Price).GreaterThan(0);
    }
}
