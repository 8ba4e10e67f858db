using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Audit;
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

/// <summary>Checks a Telegram proof against the bot token; never says which check failed.</summary>
public interface ITelegramLoginVerifier
{
    /// <returns>The verified Telegram user, or null when the proof is not valid.</returns>
    /// <exception cref="ServiceUnavailableException">No bot token is configured.</exception>
    TelegramIdentity? Verify(TelegramProof proof);
}

public sealed class SignInWithTelegramCommandHandler(
    ITelegramLoginVerifier verifier,
    IRepository<Account> accounts,
    IUnitOfWork unitOfWork,
    IAdminDirectory admins,
    IRepository<RoleAuditEntry> audit,
    IAccessTokenIssuer accessTokens,
    IClock clock) : IRequestHandler<SignInWithTelegramCommand, TelegramSignedIn>
{
    public async Task<TelegramSignedIn> Handle(SignInWithTelegramCommand request, CancellationToken cancellationToken)
    {
        var telegram = verifier.Verify(request.Proof)
                       ?? throw new DomainException(IdentityErrors.TelegramInvalid);

        for (var attempt = 1; ; attempt++)
        {
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
            try
            {
                await accounts.SaveChangesAsync(cancellationToken);
            }
            catch (DuplicateKeyException) when (attempt < 3)
            {
                // The same user's first sign-in raced on another request and created the account: use it.
                unitOfWork.DiscardChanges();
                continue;
            }

            var token = accessTokens.Issue(account.Id, AccountRoleNames.Of(account.Roles));
            return new TelegramSignedIn(SessionIssuer.Describe(account), token);
        }
    }
}
