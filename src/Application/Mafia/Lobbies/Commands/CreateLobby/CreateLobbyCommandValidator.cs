using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Lobbies.Commands.CreateLobby;

public sealed class CreateLobbyCommandValidator : AbstractValidator<CreateLobbyCommand>
{
    public CreateLobbyCommandValidator()
    {
        RuleFor(c => c.Mode).MaximumLength(32);
        RuleFor(c => c.MaxPlayers).InclusiveBetween(GameSettings.MinPlayers, GameSettings.MaxPlayers).When(c => c.MaxPlayers is not null);
        When(c => c.Settings is not null, () =>
        {
            RuleFor(c => c.Settings!.NightSeconds).InclusiveBetween(GameSettings.MinPhaseSeconds, GameSettings.MaxPhaseSeconds).When(c => c.Settings!.NightSeconds is not null);
            RuleFor(c => c.Settings!.DaySeconds).InclusiveBetween(GameSettings.MinPhaseSeconds, GameSettings.MaxPhaseSeconds).When(c => c.Settings!.DaySeconds is not null);
            RuleFor(c => c.Settings!.VotingSeconds).InclusiveBetween(GameSettings.MinPhaseSeconds, GameSettings.MaxPhaseSeconds).When(c => c.Settings!.VotingSeconds is not null);
            RuleFor(c => c.Settings!.MafiaCount).GreaterThanOrEqualTo(1)
                .Must((c, mafia) => mafia * 2 < (c.MaxPlayers ?? GameSettings.MaxPlayers))
                .WithMessage("mafia_count must be fewer than half the players")
                .When(c => c.Settings!.MafiaCount is not null);
        });
    }
}
