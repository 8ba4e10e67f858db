using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.WebApi.Common.Dialects;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CleanGames.IntegrationTests.Probes;

public sealed record CreateProbeAccountCommand(string DisplayName) : IRequest<AccountProbe>;

public sealed record RecordProbeWriteCommand(long AccountId) : IRequest<AccountProbe>;

public sealed record GetProbeAccountQuery(long AccountId) : IRequest<AccountProbe>;

/// <summary>An account's version, and how many writes it has taken since it was created (its version counts them).</summary>
public sealed record AccountProbe(long Id, long Writes, long Version)
{
    public static AccountProbe Of(Account account) => new(account.Id, account.Version - 1, account.Version);
}

public sealed class CreateProbeAccountHandler(IRepository<Account> accounts, IClock clock) : IRequestHandler<CreateProbeAccountCommand, AccountProbe>
{
    public async Task<AccountProbe> Handle(CreateProbeAccountCommand request, CancellationToken cancellationToken)
    {
        var username = "racer" + Guid.NewGuid().ToString("N")[..12];
        var account = await accounts.AddAsync(Account.RegisterWithPassword(null, username, "not-a-real-hash", request.DisplayName, clock.UtcNow), cancellationToken);
        await accounts.SaveChangesAsync(cancellationToken);
        return AccountProbe.Of(account);
    }
}

/// <summary>A read-modify-write on one aggregate: exactly what loses updates without concurrency control.</summary>
public sealed class RecordProbeWriteHandler(IRepository<Account> accounts) : IRequestHandler<RecordProbeWriteCommand, AccountProbe>
{
    public async Task<AccountProbe> Handle(RecordProbeWriteCommand request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetByIdAsync(request.AccountId, cancellationToken)
                      ?? throw new DomainException(DomainError.NotFound("probe.account.not_found", "No such account."));
        account.UpgradePasswordHash("not-a-real-hash-" + account.Version);
        await accounts.SaveChangesAsync(cancellationToken);
        return AccountProbe.Of(account);
    }
}

public sealed class GetProbeAccountHandler(IReadRepository<Account> accounts) : IRequestHandler<GetProbeAccountQuery, AccountProbe>
{
    public async Task<AccountProbe> Handle(GetProbeAccountQuery request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetByIdAsync(request.AccountId, cancellationToken)
                      ?? throw new DomainException(DomainError.NotFound("probe.account.not_found", "No such account."));
        return AccountProbe.Of(account);
    }
}

[ApiController]
[Route("test/race/accounts")]
[ApiDialect(ApiDialect.FastApi)]
public sealed class RaceProbeController(IMediator mediator) : ControllerBase
{
    [HttpPost]
    public Task<AccountProbe> Create(CancellationToken cancellationToken) =>
        mediator.Send(new CreateProbeAccountCommand("Racer"), cancellationToken);

    [HttpPost("{id:long}/writes")]
    public Task<AccountProbe> Write(long id, CancellationToken cancellationToken) =>
        mediator.Send(new RecordProbeWriteCommand(id), cancellationToken);

    [HttpGet("{id:long}")]
    public Task<AccountProbe> Get(long id, CancellationToken cancellationToken) =>
        mediator.Send(new GetProbeAccountQuery(id), cancellationToken);
}
