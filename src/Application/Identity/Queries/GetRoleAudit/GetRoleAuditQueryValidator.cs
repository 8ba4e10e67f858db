using CleanGames.Application.Common.Models;
using FluentValidation;

namespace CleanGames.Application.Identity.Queries.GetRoleAudit;

public sealed class GetRoleAuditQueryValidator : AbstractValidator<GetRoleAuditQuery>
{
    public GetRoleAuditQueryValidator() => Include(new PageRequestValidator());
}
