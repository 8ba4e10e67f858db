using CleanGames.Application.Identity.Commands.BootstrapAdmin;
using CleanGames.Infrastructure.Persistence;
using CleanGames.Infrastructure.Persistence.Seeding;
using MediatR;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CleanGames.Infrastructure.Identity;

/// <summary>
/// Creates the bootstrap admin (<c>Identity:BootstrapAdmin</c>) once the schema is current, on every
/// start: it does nothing once the account exists, and an account someone else registered with that
/// email gets no role (start-up logs an error naming the setting).
/// </summary>
internal sealed partial class BootstrapAdminSeeder(IMediator mediator, IOptions<IdentityOptions> options, ILogger<BootstrapAdminSeeder> logger) : IReferenceDataSeeder
{
    // After the reference data: an account is not reference data, and nothing points at it.
    public int Order => 100;

    public async Task SeedAsync(ApplicationDbContext db, CancellationToken cancellationToken)
    {
        var bootstrap = options.Value.BootstrapAdmin;
        if (!bootstrap.IsConfigured)
        {
            return;
        }

        var outcome = await mediator.Send(new BootstrapAdminCommand(bootstrap.Email!.Trim(), bootstrap.Password!), cancellationToken);
        switch (outcome)
        {
            case BootstrapAdminOutcome.Created:
                LogCreated();
                break;
            case BootstrapAdminOutcome.EmailTakenByAnotherAccount:
                LogEmailTaken();
                break;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the bootstrap admin account from Identity:BootstrapAdmin:Email; sign in with it and grant roles with PUT /api/admin/accounts/{{id}}/roles")]
    private partial void LogCreated();

    [LoggerMessage(Level = LogLevel.Error, Message = "Identity:BootstrapAdmin:Email belongs to an account that was registered, not created by the server: it gets no role. Choose an email no account uses, or have an admin grant the role with PUT /api/admin/accounts/{{id}}/roles")]
    private partial void LogEmailTaken();
}
