using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using CleanGames.Application.Common.Errors;
using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;
using CleanGames.Domain.Kitchen.Sessions;
using CleanGames.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;

namespace CleanGames.Infrastructure.Persistence;

/// <summary>
/// The one database of the platform. Each provider has a subclass that owns its migration set
/// (<see cref="Sqlite.SqliteApplicationDbContext"/>, <see cref="SqlServer.SqlServerApplicationDbContext"/>);
/// everything else depends on this base type.
/// </summary>
internal abstract class ApplicationDbContext : DbContext, IDataProtectionKeyContext
{
    protected ApplicationDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Account> Accounts => Set<Account>();

    public DbSet<RefreshTokenFamily> RefreshTokenFamilies => Set<RefreshTokenFamily>();

    public DbSet<Domain.Identity.Audit.RoleAuditEntry> RoleAudit => Set<Domain.Identity.Audit.RoleAuditEntry>();

    public DbSet<SignInThrottleEntry> SignInThrottle => Set<SignInThrottleEntry>();

    public DbSet<KitchenSession> KitchenSessions => Set<KitchenSession>();

    public DbSet<Domain.Mafia.Games.Game> MafiaGames => Set<Domain.Mafia.Games.Game>();

    public DbSet<Domain.Mafia.Lobbies.Lobby> MafiaLobbies => Set<Domain.Mafia.Lobbies.Lobby>();

    /// <summary>The Data Protection key ring every instance shares (<c>platform_data_protection_keys</c>).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        throw new NotSupportedException("Save asynchronously through the unit of work.");

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersionsOfChangedAggregates();
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        catch (DbUpdateConcurrencyException exception)
        {
            throw new ConcurrencyConflictException(exception);
        }
        catch (DbUpdateException exception) when (IsUniqueViolation(exception))
        {
            throw new DuplicateKeyException(exception);
        }
    }

    /// <summary>
    /// Runs a write that bypasses <see cref="SaveChangesAsync(bool, CancellationToken)"/> (an
    /// <c>ExecuteUpdate</c>/<c>ExecuteDelete</c>) the way a save runs: SQLite queues it on the file's write gate.
    /// </summary>
    public virtual Task<int> ExecuteWriteAsync(Func<CancellationToken, Task<int>> write, CancellationToken cancellationToken) => write(cancellationToken);

    // SQLite: SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; SQL Server: 2601 (unique index), 2627 (unique constraint).
    private static bool IsUniqueViolation(DbUpdateException exception) => exception.InnerException switch
    {
        Microsoft.Data.Sqlite.SqliteException sqlite => sqlite.SqliteExtendedErrorCode is 2067 or 1555,
        Microsoft.Data.SqlClient.SqlException sql => sql.Number is 2601 or 2627,
        _ => false,
    };

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ApplicationDbContext).Assembly);
        ConfigureAggregateRoots(modelBuilder);
    }

    /// <summary>
    /// Every aggregate root carries <see cref="IAggregateRoot.Version"/> as its concurrency token,
    /// and its in-memory bookkeeping is not stored, without each configuration repeating it.
    /// </summary>
    private static void ConfigureAggregateRoots(ModelBuilder modelBuilder)
    {
        foreach (var entityType in modelBuilder.Model.GetEntityTypes().Where(t => !t.IsOwned()))
        {
            if (!typeof(IAggregateRoot).IsAssignableFrom(entityType.ClrType))
            {
                continue;
            }

            var builder = modelBuilder.Entity(entityType.ClrType);
            builder.Property(nameof(IAggregateRoot.Version)).IsConcurrencyToken();
            builder.Ignore(nameof(IAggregateRoot.DomainEvents));
            builder.Ignore(nameof(IAggregateRoot.HasChanges));
        }
    }

    private void BumpVersionsOfChangedAggregates()
    {
        foreach (var entry in ChangeTracker.Entries<IAggregateRoot>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified || (entry.State == EntityState.Unchanged && entry.Entity.HasChanges))
            {
                entry.Entity.IncrementVersion();
            }
        }
    }
}
