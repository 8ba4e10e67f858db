using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Common;
using Ardalis.Specification;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Audit;
using CleanGames.Domain.Identity.TelegramProofs;
using MediatR;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Identity.Commands.SignInWithTelegram;

/// <summary>
/// What a client proves a Telegram sign-in with: either the Login Widget's flat fields (each as
/// the text it had in the received JSON, nulls already left out) and their hash, or a Mini App's
/// raw <c>initData</c> query string.
/// </summary>
public abstract record TelegramProof
{
    private TelegramProof()
    {
    }

    public sealed record Widget(IReadOnlyList<KeyValuePair<string, string>> Fields, string? Hash) : TelegramProof;

    public sealed record MiniApp(string InitData) : TelegramProof;
}

public sealed record SignInWithTelegramCommand(TelegramProof Proof) : IRequest<TelegramSignedIn>;

public sealed record TelegramSignedIn(AccountSummary Account, AccessToken AccessToken);

/// <summary>A proof that checked out: the user it names, its hash (lower-case hex) and when it stops being accepted.</summary>
public sealed record VerifiedTelegramProof(TelegramIdentity User, string Hash, DateTimeOffset ExpiresAt);

/// <summary>Checks a Telegram proof against the bot token; never says which check failed.</summary>
public interface ITelegramLoginVerifier
{
    /// <returns>The verified proof, or null when the proof is not valid.</returns>
    /// <exception cref="DomainException">No bot token is configured (<see cref="IdentityErrors.TelegramNotConfigured"/>).</exception>
    VerifiedTelegramProof? Verify(TelegramProof proof);
}

public sealed class SpentTelegramProofSpec : Specification<SpentTelegramProof>
{
    public SpentTelegramProofSpec(string hash) => Query.Where(p => p.Id == hash);
}

public sealed class SignInWithTelegramCommandHandler(
    ITelegramLoginVerifier verifier,
    IRepository<Account> accounts,
    IRepository<SpentTelegramProof> spentProofs,
    IUnitOfWork unitOfWork,
    IAdminDirectory admins,
    IRepository<RoleAuditEntry> audit,
    IAccessTokenIssuer accessTokens,
    IClock clock) : IRequestHandler<SignInWithTelegramCommand, TelegramSignedIn>
{
    public async Task<TelegramSignedIn> Handle(SignInWithTelegramCommand request, CancellationToken cancellationToken)
    {
        var proof = verifier.Verify(request.Proof)
                    ?? throw new DomainException(IdentityErrors.TelegramInvalid);
        var telegram = proof.User;

        for (var attempt = 1; ; attempt++)
        {
            // A proof signs in once: a replay is refused like a forgery. The check answers a replay
            // early; the proof's row, saved with the sign-in, is what decides a race (see below).
            if (await spentProofs.AnyAsync(new SpentTelegramProofSpec(proof.Hash), cancellationToken))
            {
                throw new DomainException(IdentityErrors.TelegramInvalid);
            }

            var now = clock.UtcNow;
            var account = await accounts.FirstOrDefaultAsync(new AccountByTelegramIdSpec(telegram.TelegramId), cancellationToken);
            if (account is null)
            {
                account = Account.RegisterWithTelegram(telegram, now);
                await accounts.AddAsync(account, cancellationToken);
            }
            else
            {
                account.UpdateTelegramProfile(telegram);
            }

            if (account.IsBanned)
            {
                throw new DomainException(AccountErrors.Banned);
            }

            if (admins.IsAdminTelegramId(telegram.TelegramId) && account.GrantRole(AccountRoles.Admin) is var granted and not AccountRoles.None)
            {
                // Granted by configuration: no actor, and the signing-in user's address is not the grantor's.
                await audit.AddAsync(RoleAuditEntry.Record(RoleAuditAction.Grant, account, granted, actorAccountId: null, clientAddress: null, now), cancellationToken);
            }

            account.RecordSignIn(now);
            await spentProofs.AddAsync(SpentTelegramProof.Spend(proof.Hash, proof.ExpiresAt), cancellationToken);
            try
            {
                await accounts.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateKeyException) when (attempt < 3)
            {
                // Another request saved first, in one transaction with its proof: either the same
                // user's first sign-in created the account (use it), or the same proof was used
                // twice at once (the next round finds it spent and refuses it). A lost version race
                // on the account is re-run by the pipeline and meets the same check.
                unitOfWork.DiscardChanges();
                continue;
            }

            var token = accessTokens.Issue(account.Id, AccountRoleNames.Of(account.Roles));
            return new TelegramSignedIn(SessionIssuer.Describe(account), token);
        }
    }
}
