using CleanGames.Application.Common.Models;
using CleanGames.Domain.Common;
using CleanGames.WebApi.Common.Dialects;
using MediatR;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace CleanGames.IntegrationTests.Probes;

public sealed record ProbeBody(string Name, int Count, string? Note);

public sealed record ProbeModel(string Name, string? Missing, int Count);

/// <summary>
/// Test-only routes that make every kind of outcome happen, mounted once per dialect. Registered
/// by the test host; the product ships none of them.
/// </summary>
[ApiController]
public abstract class DialectProbeController(IMediator mediator) : ControllerBase
{
    [HttpGet("ok")]
    public ProbeModel Success() => new("probe", null, 3);

    [HttpGet("empty")]
    public IActionResult NoContentBody() => Ok();

    [HttpGet("page")]
    public PagedList<ProbeModel> Page() => new([new ProbeModel("a", null, 1), new ProbeModel("b", null, 2)], 2, 2, 5);

    [HttpPost("body")]
    public ProbeModel Body(ProbeBody body) => new(body.Name, body.Note, body.Count);

    [HttpGet("items/{id:int}")]
    public ProbeModel Item(int id, [FromQuery] int page = 1) => new("item", null, id * page);

    [HttpGet("not-found")]
    public IActionResult NotFoundError() => throw new DomainException(CleanGames.Domain.Common.DomainError.NotFound("probe.not_found", "No such probe."));

    [HttpGet("bare-not-found")]
    public IActionResult BareNotFound() => NotFound();

    [HttpGet("conflict")]
    public IActionResult ConflictError() => throw new DomainException(CleanGames.Domain.Common.DomainError.Conflict("probe.conflict", "Already there."));

    [HttpGet("domain")]
    public IActionResult DomainError() => throw new DomainException(new DomainError("probe.rule.broken", "That breaks a rule."));

    [HttpGet("limited")]
    public IActionResult Limited() => throw new DomainException(CleanGames.Domain.Common.DomainError.TooMany("probe.limited", "Slow down."), TimeSpan.FromSeconds(7));

    [HttpGet("crash")]
    public IActionResult Crash() => throw new InvalidOperationException("secret internal detail at Server=db;Password=hunter2");

    [HttpGet("secure")]
    [Authorize]
    public ProbeModel Secure() => new("secure", null, 1);

    [HttpGet("admin")]
    [Authorize(Roles = "admin")]
    public ProbeModel Admin() => new("admin", null, 1);

    [HttpPost("command")]
    public async Task<ProbeModel> Command(ProbeCommand command, CancellationToken cancellationToken) =>
        await mediator.Send(command, cancellationToken);

    [HttpGet("admin-command")]
    public async Task<ProbeModel> AdminCommand(CancellationToken cancellationToken) =>
        await mediator.Send(new AdminProbeCommand(), cancellationToken);
}

[Route("test/fastapi")]
[ApiDialect(ApiDialect.FastApi)]
public sealed class FastApiProbeController(IMediator mediator) : DialectProbeController(mediator);

[Route("test/clicker")]
[ApiDialect(ApiDialect.Clicker)]
public sealed class ClickerProbeController(IMediator mediator) : DialectProbeController(mediator);

[Route("test/gateway")]
[ApiDialect(ApiDialect.Gateway)]
public sealed class GatewayProbeController(IMediator mediator) : DialectProbeController(mediator);

[Route("test/novels")]
[ApiDialect(ApiDialect.Novels)]
public sealed class NovelsProbeController(IMediator mediator) : DialectProbeController(mediator);

[Route("test/problem")]
public sealed class ProblemProbeController(IMediator mediator) : DialectProbeController(mediator);
