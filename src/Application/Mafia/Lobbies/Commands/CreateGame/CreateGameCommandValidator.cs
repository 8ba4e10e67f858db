using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Lobbies.Commands.CreateGame;

public sealed class CreateGameCommandValidator : AbstractValidator<CreateGameCommand>
{
    public CreateGameCommandValidator() =>
        RuleFor(c => c.PlayerCount).InclusiveBetween(GameSettings.MinPlayers, GameSettings.MaxPlayers);
}
