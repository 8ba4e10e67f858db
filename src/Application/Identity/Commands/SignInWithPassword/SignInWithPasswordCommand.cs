using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace CleanGames.Application.Identity.Commands.SignInWithPassword;

/// <summary>Signs in with a username or an email (<paramref name="Login"/>) and a password.</summary>
public sealed record SignInWithPasswordCommand(string? Login, string? Password) : IRequest<SignedIn>;

public sealed class SignInWithPasswordCommandValidator : AbstractValidator<SignInWithPasswordCommand>
{
    public SignInWithPasswordCommandValidator()
    {
        RuleFor(c => c.Login).NotEmpty().MaximumLength(Account.MaxEmailLength);
        RuleFor(c => c.Password).NotEmpty().MaximumLength(1024);
    }
}

public sealed class SignInWithPasswordCommandHandler(
    IRepository<Account> accounts,
    IPasswordHasher passwordHasher,
    SessionIssuer sessions,
    IClock clock,
    IOptions<SessionOptions> options) : IRequestHandler<SignInWithPasswordCommand, SignedIn>
{
    private static readonly TimeSpan FailureWindow = TimeSpan.FromHours(1);

    public async Task<SignedIn> Handle(SignInWithPasswordCommand request, CancellationToken cancellationToken)
    {
        var now = clock.UtcNow;
        var account = await accounts.FirstOrDefaultAsync(new AccountByLoginSpec(request.Login!), cancellationToken);
        if (account?.PasswordHash is null)
        {
            passwordHasher.VerifyAgainstDummy(request.Password!);
            throw InvalidCredentials();
        }

        var maxFailures = options.Value.MaxFailedSignInsPerHour;
        if (account.FailedSignInsInWindow(now, FailureWindow) >= maxFailures)
        {
            var retryAfter = account.FailedSignInWindowStartedAt!.Value + FailureWindow - now;
            throw new DomainException(IdentityErrors.SignInThrottled, retryAfter);
        }

        var check = passwordHasher.Verify(account.PasswordHash, request.Password!);
        if (check == PasswordCheck.Failed)
        {
            account.RecordFailedSignIn(now, FailureWindow);
            await accounts.SaveChangesAsync(cancellationToken);
            throw InvalidCredentials();
        }

        if (account.IsBanned)
        {
            throw new DomainException(AccountErrors.Banned);
        }

        if (check == PasswordCheck.SuccessRehashNeeded)
        {
            account.UpgradePasswordHash(passwordHasher.Hash(request.Password!));
        }

        account.RecordSignIn(now);
        var tokens = await sessions.StartAsync(account, cancellationToken);
        await accounts.SaveChangesAsync(cancellationToken);
        return new SignedIn(SessionIssuer.Describe(account), tokens);
    }

    private static DomainException InvalidCredentials() => new(IdentityErrors.InvalidCredentials);
}
