using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Identity.Commands.RefreshSession;

/// <summary>
/// Trades a refresh token for a new access token and a new refresh token (rotation). Re-run by the
/// concurrency retry when it loses a race on the family: of two refreshes with one token, the loser
/// reloads, finds its token just used up within the grace window, and gets the winner's pair; a
/// revocation that lost a race is applied again to the reloaded family, so it is never dropped.
/// </summary>
public sealed record RefreshSessionCommand(string? RefreshToken) : IRequest<SignedIn>;

public sealed class RefreshSessionCommandHandler(
    IRepository<RefreshTokenFamily> families,
    IReadRepository<Account> accounts,
    SessionIssuer sessions,
    IClock clock,
    IOptions<SessionOptions> options) : IRequestHandler<RefreshSessionCommand, SignedIn>
{
    public async Task<SignedIn> Handle(RefreshSessionCommand request, CancellationToken cancellationToken)
    {
        var presented = request.RefreshToken;
        if (string.IsNullOrWhiteSpace(presented) || presented.Length > RefreshTokens.MaxLength)
        {
            throw Invalid();
        }

        var now = clock.UtcNow;
        var presentedHash = RefreshTokens.Hash(presented);
        var family = await families.FirstOrDefaultAsync(new FamilyByTokenHashSpec(presentedHash), cancellationToken);
        if (family is null)
        {
            await RevokeFamilyOfForgottenTokenAsync(presented, now, cancellationToken);
            throw Invalid();
        }

        var settings = options.Value;
        var (successor, successorHash) = RefreshTokens.New(family.Id);
        var outcome = family.Refresh(
            presentedHash,
            successorHash,
            RefreshTokens.Seal(successor, presented),
            now,
            TimeSpan.FromDays(settings.RefreshIdleDays),
            TimeSpan.FromSeconds(settings.RefreshGraceSeconds));

        string current;
        switch (outcome)
        {
            case RefreshOutcome.Rotated:
                current = successor;
                break;
            case RefreshOutcome.Replayed:
                // Only the holder of the previous token can open the pair the rotation sealed under it.
                current = RefreshTokens.Unseal(family.SealedCurrentToken!, presented) ?? throw Invalid();
                break;
            case RefreshOutcome.ReuseDetected:
                await families.SaveChangesAsync(cancellationToken);
                throw Invalid();
            default:
                throw Invalid();
        }

        var account = await accounts.GetByIdAsync(family.AccountId, cancellationToken);
        if (account is null || account.IsBanned)
        {
            family.Revoke(now, account is null ? RefreshTokenFamily.AccountGoneReason : RefreshTokenFamily.AccountBannedReason);
            await families.SaveChangesAsync(cancellationToken);
            throw Invalid();
        }

        if (outcome == RefreshOutcome.Rotated)
        {
            await families.SaveChangesAsync(cancellationToken);
        }

        return new SignedIn(SessionIssuer.Describe(account), sessions.Reissue(account, current, family));
    }

    /// <summary>
    /// A token whose hash the store does not hold is either not ours or one its family has rotated
    /// past and forgotten (the family keeps only its current and previous hashes). The family id
    /// inside names the family; it is revoked as for any reuse. Either way the answer is the same 401.
    /// </summary>
    private async Task RevokeFamilyOfForgottenTokenAsync(string presented, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (RefreshTokens.FamilyOf(presented) is { } familyId
            && await families.GetByIdAsync(familyId, cancellationToken) is { } family
            && family.RevokeForReuse(now))
        {
            await families.SaveChangesAsync(cancellationToken);
        }
    }

    private static DomainException Invalid() => new(IdentityErrors.InvalidRefreshToken);
}
