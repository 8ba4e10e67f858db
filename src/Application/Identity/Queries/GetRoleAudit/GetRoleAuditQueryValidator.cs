using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Identity.Queries.GetRoleAudit;

public sealed class GetRoleAuditQueryValidator : AbstractValidator<GetRoleAuditQuery>
{
    public GetRoleAuditQueryValidator()
    {
        RuleFor(q => q.Page).GreaterThanOrEqualTo(1).When(q => q.Page is not null);
        RuleFor(q => q.PerPage).InclusiveBetween(1, PageRequest.MaxPageSize).When(q => q.PerPage is not null);
    }
}
