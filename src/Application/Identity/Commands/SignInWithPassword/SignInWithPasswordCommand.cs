using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Behaviours;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Identity.Commands.SignInWithPassword;

/// <summary>
/// Signs in with a username or an email (<paramref name="Login"/>) and a password. Not re-run by the
/// concurrency retry: the password is checked at most once per request, so a lost race on the
/// account re-applies the sign-in to the reloaded account instead (see the handler).
/// </summary>
public sealed record SignInWithPasswordCommand(string? Login, string? Password) : IRequest<SignedIn>, INoConcurrencyRetry;

public sealed class SignInWithPasswordCommandValidator : AbstractValidator<SignInWithPasswordCommand>
{
    public SignInWithPasswordCommandValidator()
    {
        RuleFor(c => c.Login).NotEmpty().MaximumLength(Account.MaxEmailLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1024);
    }
}

/// <remarks>
/// A login that names no account takes the same steps as one that does — the attempt is counted
/// (one write), the pair may be refused with 429, one password verification is spent (against a
/// dummy hash) — so neither the answers nor their timing tell which logins exist.
/// </remarks>
public sealed class SignInWithPasswordCommandHandler(
    IRepository<Account> accounts,
    IPasswordHasher passwordHasher,
    ISignInThrottle throttle,
    ICurrentUser caller,
    SessionIssuer sessions,
    IUnitOfWork unitOfWork,
    IClock clock,
    IOptions<PipelineOptions> pipeline) : IRequestHandler<SignInWithPasswordCommand, SignedIn>
{
    public async Task<SignedIn> Handle(SignInWithPasswordCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var account = await accounts.FirstOrDefaultAsync(new AccountByLoginSpec(request.Login!), cancellationToken);
        var storedHash = account?.PasswordHash;
        var key = SignInThrottleKey.For(storedHash is null ? null : account!.Id, request.Login!, caller.ClientAddress);

        if (await throttle.TryBeginAttemptAsync(key, now, cancellationToken) is { } wait)
        {
            throw new DomainException(IdentityErrors.SignInThrottled, wait);
        }

        if (storedHash is null)
        {
            passwordHasher.VerifyAgainstDummy(request.Password!);
            throw InvalidCredentials();
        }

        // The attempt is already counted: a wrong password needs no further write.
        var check = passwordHasher.Verify(storedHash, request.Password!);
        if (check == PasswordCheck.Failed)
        {
            throw InvalidCredentials();
        }

        await throttle.ForgetAsync(key, cancellationToken);
        var upgradedHash = check == PasswordCheck.SuccessRehashNeeded ? passwordHasher.Hash(request.Password!) : null;
        return await RecordSignInAsync(account!, upgradedHash, now, cancellationToken);
    }

    /// <summary>
    /// Records the sign-in and starts the session. Losing a race on the account (another sign-in, a
    /// role change) reloads it and records again, without checking the password a second time.
    /// </summary>
    private async Task<SignedIn> RecordSignInAsync(Account account, string? upgradedHash, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var maxRetries = Math.Max(0, pipeline.Value.MaxConcurrencyRetries);
        for (var attempt = 0; ; attempt++)
        {
            if (account.IsBanned)
            {
                throw new DomainException(AccountErrors.Banned);
            }

            if (upgradedHash is not null)
            {
                account.UpgradePasswordHash(upgradedHash);
            }

            account.RecordSignIn(now);
            var tokens = await sessions.StartAsync(account, cancellationToken);
            try
            {
                await accounts.SaveChangesAsync(cancellationToken);
                return new SignedIn(SessionIssuer.Describe(account), tokens);
            }
            catch (ConcurrencyConflictException) when (attempt < maxRetries)
            {
                unitOfWork.DiscardChanges();
                account = await accounts.GetByIdAsync(account.Id, cancellationToken) ?? throw InvalidCredentials();
            }
        }
    }

    private static DomainException InvalidCredentials() => new(IdentityErrors.InvalidCredentials);
}
