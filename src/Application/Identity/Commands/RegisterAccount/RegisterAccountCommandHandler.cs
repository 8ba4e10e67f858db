using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using MediatR;
using CleanGames.Domain.Common;

namespace CleanGames.Application.Identity.Commands.RegisterAccount;

public sealed class RegisterAccountCommandHandler(
    IRepository<Account> accounts,
    IPasswordHasher passwordHasher,
    SessionIssuer sessions,
    IClock clock) : IRequestHandler<RegisterAccountCommand, RegisteredAccount>
{
    public async Task<RegisteredAccount> Handle(RegisterAccountCommand request, CancellationToken cancellationToken)
    {
        var email = Account.NormalizeEmail(request.Email);
        var username = Account.NormalizeUsername(request.Username);
        if (await accounts.AnyAsync(new AccountTakenSpec(email, username), cancellationToken))
        {
            throw Taken();
        }

        var now = clock.UtcNow;
        var account = Account.RegisterWithPassword(request.Email, request.Username, passwordHasher.Hash(request.Password!), request.DisplayName, now);
        if (request.StartSession)
        {
            account.RecordSignIn(now);
        }

        await accounts.AddAsync(account, cancellationToken);
        try
        {
            await accounts.SaveChangesAsync(cancellationToken);
        }
        catch (DuplicateKeyException)
        {
            // Someone registered the same email or username between our check and our insert.
            throw Taken();
        }

        SessionTokens? tokens = null;
        if (request.StartSession)
        {
            // The account needed its id from the first save; the session is a second, small one.
            tokens = await sessions.StartAsync(account, cancellationToken);
            await accounts.SaveChangesAsync(cancellationToken);
        }

        return new RegisteredAccount(SessionIssuer.Describe(account), tokens);
    }

    private static DomainException Taken() => new(IdentityErrors.AccountExists);
}
