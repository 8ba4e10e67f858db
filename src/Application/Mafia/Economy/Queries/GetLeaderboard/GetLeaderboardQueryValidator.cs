using FluentValidation;

namespace CleanGames.Application.Mafia.Economy.Queries.GetLeaderboard;

public sealed class GetLeaderboardQueryValidator : AbstractValidator<GetLeaderboardQuery>
{
    public GetLeaderboardQueryValidator() =>
        RuleFor(q => q.Period).Must(p => p is null || GetLeaderboardQuery.Periods.Contains(p))
            .WithMessage("period must be one of: all, day, week, month.");
}
