using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using MediatR;
using Microsoft.Extensions.Options;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Identity.Commands.RefreshSession;

/// <summary>Trades a refresh token for a new access token and a new refresh token (rotation).</summary>
public sealed record RefreshSessionCommand(string? RefreshToken) : IRequest<SignedIn>, INoConcurrencyRetry;

public sealed class RefreshSessionCommandHandler(
    IRepository<RefreshTokenFamily> families,
    IReadRepository<Account> accounts,
    SessionIssuer sessions,
    IClock clock,
    IOptions<SessionOptions> options) : IRequestHandler<RefreshSessionCommand, SignedIn>
{
    public async Task<SignedIn> Handle(RefreshSessionCommand request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.RefreshToken) || request.RefreshToken.Length > 256)
        {
            throw Invalid();
        }

        var presentedHash = RefreshTokens.Hash(request.RefreshToken);
        var family = await families.FirstOrDefaultAsync(new FamilyByTokenHashSpec(presentedHash), cancellationToken)
                     ?? throw Invalid();

        var now = clock.UtcNow;
        var (successor, successorHash) = RefreshTokens.New();
        var outcome = family.Rotate(presentedHash, successorHash, now, TimeSpan.FromDays(options.Value.RefreshIdleDays));
        if (outcome == RefreshOutcome.Expired)
        {
            throw Invalid();
        }

        var account = outcome == RefreshOutcome.Rotated
            ? await accounts.GetByIdAsync(family.AccountId, cancellationToken)
            : null;
        if (outcome == RefreshOutcome.Rotated && (account is null || account.IsBanned))
        {
            family.Revoke(now, account is null ? "account_gone" : "account_banned");
        }

        try
        {
            await families.SaveChangesAsync(cancellationToken);
        }
        catch (ConcurrencyConflictException)
        {
            // Another refresh with the same token won the race; exactly one may succeed.
            throw Invalid();
        }

        if (outcome == RefreshOutcome.ReuseDetected || account is null || account.IsBanned)
        {
            throw Invalid();
        }

        return new SignedIn(SessionIssuer.Describe(account), sessions.Issue(account, successor, family));
    }

    private static DomainException Invalid() => new(IdentityErrors.InvalidRefreshToken);
}
