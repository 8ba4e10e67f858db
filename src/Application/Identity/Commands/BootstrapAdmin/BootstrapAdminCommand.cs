using CleanGames.Application.Common.Abstractions;
using CleanGames.Application.Common.Errors;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Audit;
using MediatR;

namespace CleanGames.Application.Identity.Commands.BootstrapAdmin;

/// <summary>
/// Sent by the server at start when <c>Identity:BootstrapAdmin</c> is configured: creates the first
/// administrator with that email and password unless an account already has the email. Never sent
/// by a client (no route carries it).
/// </summary>
public sealed record BootstrapAdminCommand(string Email, string Password) : IRequest<BootstrapAdminOutcome>;

public enum BootstrapAdminOutcome
{
    /// <summary>The account was created now, with the admin role.</summary>
    Created,

    /// <summary>An earlier start created it; it is left as it is (its roles may have changed since).</summary>
    AlreadyCreated,

    /// <summary>Someone registered this email: that account is not the bootstrap admin and gets no role.</summary>
    EmailTakenByAnotherAccount,
}

public sealed class BootstrapAdminCommandHandler(
    IRepository<Account> accounts,
    IRepository<RoleAuditEntry> audit,
    IUnitOfWork unitOfWork,
    IPasswordHasher passwordHasher,
    IClock clock) : IRequestHandler<BootstrapAdminCommand, BootstrapAdminOutcome>
{
    public async Task<BootstrapAdminOutcome> Handle(BootstrapAdminCommand request, CancellationToken cancellationToken)
    {
        var existing = await accounts.FirstOrDefaultAsync(new AccountByEmailSpec(request.Email), cancellationToken);
        if (existing is not null)
        {
            return Outcome(existing);
        }

        var now = clock.UtcNow;
        var admin = Account.BootstrapAdmin(request.Email, passwordHasher.Hash(request.Password), now);
        await accounts.AddAsync(admin, cancellationToken);
        await audit.AddAsync(RoleAuditEntry.Record(RoleAuditAction.Bootstrap, admin, AccountRoles.Admin, actorAccountId: null, clientAddress: null, now), cancellationToken);
        try
        {
            await accounts.SaveChangesAsync(cancellationToken);
            return BootstrapAdminOutcome.Created;
        }
        catch (DuplicateKeyException)
        {
            // Another instance starting at the same moment, or a registration, took the email first.
            unitOfWork.DiscardChanges();
            var winner = await accounts.FirstOrDefaultAsync(new AccountByEmailSpec(request.Email), cancellationToken)
                         ?? throw new InvalidOperationException("The bootstrap admin's email was taken and then released during start-up.");
            return Outcome(winner);
        }
    }

    private static BootstrapAdminOutcome Outcome(Account account) =>
        account.IsBootstrapAdmin ? BootstrapAdminOutcome.AlreadyCreated : BootstrapAdminOutcome.EmailTakenByAnotherAccount;
}
