using CleanGames.Application.Mafia.Social.Common;
using FluentValidation;

namespace CleanGames.Application.Mafia.Social.Commands.SendSocialGift;

public sealed class SendSocialGiftCommandValidator : AbstractValidator<SendSocialGiftCommand>
{
    public SendSocialGiftCommandValidator(ISocialGiftCatalog catalog)
    {
        RuleFor(c => c.ToUser).NotEmpty().MaximumLength(64);
        RuleFor(c => c.GiftType).NotEmpty().MaximumLength(64)
            .Must(t => t is null || catalog.Find(t) is not null).WithMessage("gift_type must be one of the gift catalogue's types (GET /api/social/gifts/catalog)");
        RuleFor(c => c.GameId).MaximumLength(64);
    }
}
