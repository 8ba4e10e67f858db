using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.BotAnalytics.Records.Queries.ListUsers;

public sealed class ListUsersQueryValidator : AbstractValidator<ListUsersQuery>
{
    public ListUsersQueryValidator() => Include(new PageRequestValidator(PageLimits.Dashboard));
}
