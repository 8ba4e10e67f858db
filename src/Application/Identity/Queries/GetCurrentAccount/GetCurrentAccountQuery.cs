using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Security;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using MediatR;

namespace CleanGames.Application.Identity.Queries.GetCurrentAccount;

/// <summary>The signed-in caller's own account.</summary>
[AuthorizeRequest]
public sealed record GetCurrentAccountQuery : IRequest<AccountSummary>;

public sealed class GetCurrentAccountQueryHandler(IReadRepository<Account> accounts, ICurrentUser currentUser) : IRequestHandler<GetCurrentAccountQuery, AccountSummary>
{
    public async Task<AccountSummary> Handle(GetCurrentAccountQuery request, CancellationToken cancellationToken)
    {
        var account = await accounts.GetByIdAsync(currentUser.AccountId!.Value, cancellationToken)
                      ?? throw new DomainException(IdentityErrors.AccountNotFound);
        return SessionIssuer.Describe(account);
    }
}
