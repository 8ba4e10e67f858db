using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Games.Commands.EndGame;

public sealed class EndGameCommandValidator : AbstractValidator<EndGameCommand>
{
    public EndGameCommandValidator()
    {
        RuleFor(c => c.WinnerTeam).NotEmpty().Must(w => w is "mafia" or "citizens").WithMessage("winner_team must be mafia or citizens");
    }
}
