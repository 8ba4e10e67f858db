using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Games.Commands.SendChat;

public sealed class SendChatCommandValidator : AbstractValidator<SendChatCommand>
{
    public SendChatCommandValidator() => RuleFor(c => c.Message).NotEmpty().MaximumLength(500);
}
