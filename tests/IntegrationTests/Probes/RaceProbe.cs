using CleanGames.Application.Common.Abstractions;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.WebApi.Common.Dialects;
using MediatR;
using Microsoft.AspNetCore.Mvc;

namespace CleanGames.IntegrationTests.Probes;

public sealed record CreateProbeAccountCommand(string DisplayName) : IRequest<AccountProbe>;

public sealed record RecordProbeFailureCommand(long AccountId) : IRequest<AccountProbe>;

public sealed record GetProbeAccountQuery(long AccountId) : IRequest<AccountProbe>;

public sealed record AccountProbe(long Id, int FailedSignInCount, long Version);

public sealed class CreateProbeAccountHandler(IRepository<Account> accounts, IClock clock) : IRequestHandler<CreateProbeAccountCommand, AccountProbe>
{
    public async Task<AccountProbe> Handle(CreateProbeAccountCommand request, CancellationToken cancellationToken)
    {
        var username = "racer" + Guid.NewGuid().ToString("N")[..12];
        var account = await accounts.AddAsync(Account.RegisterWithPassword(null, username, "not-a-real-hash", request.DisplayName, clock.UtcNow), cancellationToken);
        await accounts.SaveChangesAsync(cancellationToken);
        return new AccountProbe(account.Id, account.FailedSignInCount, account.Version);
    }
}

/// <summary>A read-modify-write on one aggregate: exactly what loses updates without concurrency control.</summary>
public sealed class RecordProbeFailureHandler(IRepository<Account> accounts, IClock clock) : IRequestHandler<RecordProbeFailureCommand, AccountProbe>
{
    public async Task<AccountProbe> Handle(RecordProbeFailureCommand request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetByIdAsync(request.AccountId, cancellationToken)
                      ?? throw new DomainException(DomainError.NotFound("probe.account.not_found", "No such account."));
        account.RecordFailedSignIn(clock.UtcNow, TimeSpan.FromHours(1));
        await accounts.SaveChangesAsync(cancellationToken);
        return new AccountProbe(account.Id, account.FailedSignInCount, account.Version);
    }
}

public sealed class GetProbeAccountHandler(IReadRepository<Account> accounts) : IRequestHandler<GetProbeAccountQuery, AccountProbe>
{
    public async Task<AccountProbe> Handle(GetProbeAccountQuery request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetByIdAsync(request.AccountId, cancellationToken)
                      ?? throw new DomainException(DomainError.NotFound("probe.account.not_found", "No such account."));
        return new AccountProbe(account.Id, account.FailedSignInCount, account.Version);
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

    [HttpPost("{id:long}/failures")]
    public Task<AccountProbe> Fail(long id, CancellationToken cancellationToken) =>
        mediator.Send(new RecordProbeFailureCommand(id), cancellationToken);

    [HttpGet("{id:long}")]
    public Task<AccountProbe> Get(long id, CancellationToken cancellationToken) =>
        mediator.Send(new GetProbeAccountQuery(id), cancellationToken);
}
