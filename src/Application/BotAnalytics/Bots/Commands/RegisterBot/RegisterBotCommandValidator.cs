using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Bots.Commands.RegisterBot;

public sealed class RegisterBotCommandValidator : AbstractValidator<RegisterBotCommand>
{
    public RegisterBotCommandValidator() =>
        RuleFor(c => c.BotToken).NotEmpty().WithMessage("Field required")
            .Matches(@"^[1-9][0-9]{0,17}:[A-Za-z0-9_-]{30,64}$").WithMessage("bot_token must be a Telegram bot token (<bot id>:<secret>).");
}
