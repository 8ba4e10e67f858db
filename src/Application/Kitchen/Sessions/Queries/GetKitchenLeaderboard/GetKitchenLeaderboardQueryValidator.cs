using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Kitchen.Sessions.Queries.GetKitchenLeaderboard;

public sealed class GetKitchenLeaderboardQueryValidator : AbstractValidator<GetKitchenLeaderboardQuery>
{
    public GetKitchenLeaderboardQueryValidator() => Include(new PageRequestValidator());
}
