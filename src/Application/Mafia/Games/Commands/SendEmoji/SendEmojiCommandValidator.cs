using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Games.Commands.SendEmoji;

public sealed class SendEmojiCommandValidator : AbstractValidator<SendEmojiCommand>
{
    public SendEmojiCommandValidator() =>
        RuleFor(c => c.Emoji).NotEmpty().MaximumLength(EmojiText.MaxLength)
            .Must(EmojiText.IsEmoji).When(c => !string.IsNullOrEmpty(c.Emoji), ApplyConditionTo.CurrentValidator).WithMessage("emoji must be emoji only, without letters or digits");
}
