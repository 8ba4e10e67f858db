using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Common.Models;
using CleanGames.Application.Mafia.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Mafia.Games;
using FluentValidation;

namespace CleanGames.Application.Mafia.Games.Queries.ListActiveGames;

public sealed class ListActiveGamesQueryValidator : AbstractValidator<ListActiveGamesQuery>
{
    public ListActiveGamesQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null);
        RuleFor(q => q.PerPage).InclusiveBetween(1, PageRequest.MaxPageSize).When(q => q.PerPage is not null);
    }
}
