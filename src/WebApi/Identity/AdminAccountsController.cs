using CleanGames.Application.Identity.Commands.SetAccountRoles;
using CleanGames.Application.Identity.Common;
using CleanGames.Application.Identity.Queries.GetRoleAudit;
using CleanGames.Application.Identity.Queries.SearchAccounts;
using CleanGames.WebApi.Common.Dialects;
using CleanGames.WebApi.Common.OpenApi;
using MediatR;
using Microsoft.AspNetCore.Authorization;

namespace CleanGames.WebApi.Identity;

/// <summary><c>PUT /api/admin/accounts/{id}/roles</c> body: the account's roles after the change.</summary>
public sealed record SetRolesRequest(IReadOnlyList<string>? Roles);

/// <summary>
/// Administration of accounts and their roles (our own addition, Problem Details dialect). Admin only:
/// the caller's admin role is checked against the stored account on every request, so a revoke
/// applies at once, not when the caller's token expires.
/// </summary>
[ApiController]
[Authorize]
[Route("api/admin")]
[ApiDialect(ApiDialect.ProblemDetails)]
[Tags("Admin: accounts and roles")]
public sealed class AdminAccountsController(IMediator mediator) : ControllerBase
{
    /// <summary>Accounts whose email, username, display name or Telegram username contains <c>search</c>, or whose id or Telegram id it is; newest first.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("accounts")]
    public Task<AccountSearchResult> Search(
        [FromQuery] string? search,
        [FromQuery] int? page,
        [FromQuery(Name = "per_page")] int? perPage,
        CancellationToken cancellationToken) =>
        mediator.Send(new SearchAccountsQuery(search, page, perPage), cancellationToken);

    /// <summary>Makes <c>roles</c> the account's roles (<c>moderator</c>, <c>admin</c>; <c>user</c> always stays): grants what is missing, revokes the rest.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden, StatusCodes.Status404NotFound, StatusCodes.Status409Conflict)]
    [HttpPut("accounts/{id:long}/roles")]
    public Task<AdminAccountView> SetRoles(long id, [FromBody] SetRolesRequest body, CancellationToken cancellationToken) =>
        mediator.Send(new SetAccountRolesCommand(id, body.Roles), cancellationToken);

    /// <summary>The role audit log, newest first: every grant, revoke and the bootstrap, with actor, target, roles, time and client address.</summary>
    [ProducesErrors(StatusCodes.Status403Forbidden)]
    [HttpGet("audit")]
    public Task<RoleAuditPage> Audit([FromQuery] int? page, [FromQuery(Name = "per_page")] int? perPage, CancellationToken cancellationToken) =>
        mediator.Send(new GetRoleAuditQuery(page, perPage), cancellationToken);
}
