using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts;

namespace CleanGames.Domain.Identity.Audit;

/// <summary>What happened to an account's roles.</summary>
public enum RoleAuditAction
{
    /// <summary>The server created the bootstrap admin (<c>Identity:BootstrapAdmin</c>) with the admin role.</summary>
    Bootstrap,

    /// <summary>Roles were added, by an admin or by configuration (<c>Identity:AdminTelegramIds</c>).</summary>
    Grant,

    /// <summary>Roles were taken away by an admin.</summary>
    Revoke,
}

/// <summary>
/// One line of the role audit log: who changed whose roles, which roles, when and from where.
/// Written in the same save as the change itself, never edited afterwards.
/// </summary>
public sealed class RoleAuditEntry : AggregateRoot<long>
{
    public const int MaxClientAddressLength = 64;

    private RoleAuditEntry()
    {
    }

    public DateTimeOffset At { get; private set; }

    public RoleAuditAction Action { get; private set; }

    /// <summary>The admin who made the change; null when the server made it (bootstrap, configuration).</summary>
    public long? ActorAccountId { get; private set; }

    /// <summary>The account whose roles changed, by its <see cref="Account.Key"/> (known before its first save, so the change and this line are saved together).</summary>
    public Guid TargetAccountKey { get; private set; }

    /// <summary>The roles granted or revoked.</summary>
    public AccountRoles Roles { get; private set; }

    /// <summary>The actor's client address; null when the server made the change.</summary>
    public string? ClientAddress { get; private set; }

    public static RoleAuditEntry Record(RoleAuditAction action, Account target, AccountRoles roles, long? actorAccountId, string? clientAddress, DateTimeOffset at)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (roles == AccountRoles.None)
        {
            throw new ArgumentException("An audit entry names at least one role.", nameof(roles));
        }

        return new RoleAuditEntry
        {
            At = at,
            Action = action,
            ActorAccountId = actorAccountId,
            TargetAccountKey = target.Key,
            Roles = roles,
            ClientAddress = clientAddress is { Length: > MaxClientAddressLength } ? clientAddress[..MaxClientAddressLength] : clientAddress,
        };
    }
}
