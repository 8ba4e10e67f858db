using CleanGames.Domain.Identity.Accounts;
using FluentValidation;

namespace CleanGames.Application.Identity.Commands.SetAccountRoles;

public sealed class SetAccountRolesCommandValidator : AbstractValidator<SetAccountRolesCommand>
{
    public SetAccountRolesCommandValidator()
    {
        RuleFor(c => c.Roles).NotNull().WithMessage("roles is required: the full list of the account's roles, e.g. [\"moderator\"].");
        RuleFor(c => c.Roles!.Count).LessThanOrEqualTo(AccountRoleNames.All.Count).OverridePropertyName("roles").When(c => c.Roles is not null);
        RuleForEach(c => c.Roles)
            .Must(name => AccountRoleNames.All.Contains(name))
            .WithMessage($"Each role is one of: {string.Join(", ", AccountRoleNames.All)}.");
    }
}
