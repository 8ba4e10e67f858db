using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Mafia.Games.Queries.ListActiveGames;

public sealed class ListActiveGamesQueryValidator : AbstractValidator<ListActiveGamesQuery>
{
    public ListActiveGamesQueryValidator() => Include(new PageRequestValidator());
}
