using CleanGames.Domain.Common;
using CleanGames.Domain.Common.Text;
using CleanGames.Domain.Identity.Accounts.Events;

namespace CleanGames.Domain.Identity.Accounts;

/// <summary>
/// One person on the platform, whatever they signed in with. Its id is the one user id on every
/// surface (JWT <c>sub</c>, <c>account_id</c>, <c>user_id</c>). Credentials hang off it: email and
/// password, username and password, a Telegram identity. Failed sign-ins are not counted here: they
/// are throttled per account and client address outside the aggregate (one atomic write each), so
/// that a crowd of wrong guesses neither races on the account's version nor locks its owner out.
/// </summary>
public sealed class Account : AggregateRoot<long>
{
    public const int MaxDisplayNameLength = 64;
    public const int MaxEmailLength = 254;
    public const int MaxUsernameLength = 32;

    private Account()
    {
    }

    /// <summary>A random key known before the store assigns <see cref="Entity{TId}.Id"/>; lets events name the account.</summary>
    public Guid Key { get; private set; }

    public string? Email { get; private set; }

    /// <summary>Upper-cased <see cref="Email"/>: uniqueness is case-insensitive.</summary>
    public string? NormalizedEmail { get; private set; }

    /// <summary>The username in its canonical form (<see cref="CanonicalUsername"/>).</summary>
    public string? Username { get; private set; }

    /// <summary>Upper-cased canonical <see cref="Username"/>: uniqueness is case-insensitive.</summary>
    public string? NormalizedUsername { get; private set; }

    public string? PasswordHash { get; private set; }

    public string? DisplayName { get; private set; }

    public string? AvatarUrl { get; private set; }

    public TelegramIdentity? Telegram { get; private set; }

    public AccountRoles Roles { get; private set; }

    public AccountStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastLoginAt { get; private set; }

    /// <summary>
    /// True for the account the server created from <c>Identity:BootstrapAdmin</c>. An account someone
    /// registered with that email is not the bootstrap admin, whatever its email says.
    /// </summary>
    public bool IsBootstrapAdmin { get; private set; }

    /// <summary>What clients show: the chosen display name, else the username, else the Telegram first name.</summary>
    public string? EffectiveDisplayName => DisplayName ?? Username ?? Telegram?.FirstName ?? Telegram?.Username;

    public bool IsBanned => Status == AccountStatus.Banned;

    /// <summary>Opens an account with a password credential (email and/or username).</summary>
    public static Account RegisterWithPassword(string? email, string? username, string passwordHash, string? displayName, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        if (string.IsNullOrWhiteSpace(email) && string.IsNullOrWhiteSpace(username))
        {
            throw new DomainException(AccountErrors.NoCredential);
        }

        var account = New(now);
        account.Email = email?.Trim();
        account.NormalizedEmail = NormalizeEmail(email);
        account.Username = string.IsNullOrWhiteSpace(username) ? null : CanonicalUsername(username.Trim());
        account.NormalizedUsername = NormalizeUsername(username);
        account.PasswordHash = passwordHash;
        account.DisplayName = CleanDisplayName(displayName);
        return account;
    }

    /// <summary>Opens an account for a Telegram user signing in for the first time.</summary>
    public static Account RegisterWithTelegram(TelegramIdentity telegram, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        var account = New(now);
        account.Telegram = telegram;
        account.AvatarUrl = telegram.PhotoUrl;
        return account;
    }

    /// <summary>The first administrator, created by the server at start from its configuration.</summary>
    public static Account BootstrapAdmin(string email, string passwordHash, DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(email);
        var account = RegisterWithPassword(email, username: null, passwordHash, displayName: null, now);
        account.Roles |= AccountRoles.Admin;
        account.IsBootstrapAdmin = true;
        return account;
    }

    public static string? NormalizeEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) ? null : email.Trim().ToUpperInvariant();

    public static string? NormalizeUsername(string? username) =>
        string.IsNullOrWhiteSpace(username) ? null : CanonicalUsername(username.Trim()).ToUpperInvariant();

    /// <summary>
    /// A username as it is stored, shown and compared: NFKC-normalised, so that one name typed two
    /// ways (a letter composed or decomposed, full-width forms, ligatures) is one name and cannot be
    /// registered twice.
    /// </summary>
    public static string CanonicalUsername(string username) => Nfkc.Normalize(username);

    /// <summary>Telegram sends the user's current profile with every sign-in; keep ours in step.</summary>
    public void UpdateTelegramProfile(TelegramIdentity telegram)
    {
        ArgumentNullException.ThrowIfNull(telegram);
        if (Telegram == telegram)
        {
            return;
        }

        Telegram = telegram;
        AvatarUrl ??= telegram.PhotoUrl;
        MarkChanged();
    }

    /// <summary>Replaces the stored hash with a stronger one of the same password (the hasher asked for it).</summary>
    public void UpgradePasswordHash(string passwordHash)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(passwordHash);
        PasswordHash = passwordHash;
        MarkChanged();
    }

    /// <summary>Adds <paramref name="role"/>; answers the roles that were not held before (none when it already was).</summary>
    public AccountRoles GrantRole(AccountRoles role)
    {
        var added = role & ~Roles;
        if (added != AccountRoles.None)
        {
            Roles |= added;
            MarkChanged();
        }

        return added;
    }

    /// <summary>
    /// Makes <paramref name="elevated"/> (moderator, admin) the account's roles beyond <c>user</c>,
    /// which every account keeps, and answers what was granted and what was revoked.
    /// </summary>
    public (AccountRoles Granted, AccountRoles Revoked) SetElevatedRoles(AccountRoles elevated)
    {
        var wanted = (elevated & Elevated) | AccountRoles.User;
        var granted = wanted & ~Roles;
        var revoked = Roles & ~wanted;
        if (granted != AccountRoles.None || revoked != AccountRoles.None)
        {
            Roles = wanted;
            MarkChanged();
        }

        return (granted, revoked);
    }

    /// <summary>The roles an admin grants and revokes; <c>user</c> belongs to every account.</summary>
    public const AccountRoles Elevated = AccountRoles.Moderator | AccountRoles.Admin;

    /// <summary>Records a successful sign-in; a banned account cannot sign in.</summary>
    public void RecordSignIn(DateTimeOffset now)
    {
        if (IsBanned)
        {
            throw new DomainException(AccountErrors.Banned);
        }

        LastLoginAt = now;
        Raise(new AccountSignedIn(Key, now));
    }

    public void Ban()
    {
        Status = AccountStatus.Banned;
        MarkChanged();
    }

    /// <summary>Ends the ban: the account may sign in again.</summary>
    public void Unban()
    {
        if (IsBanned)
        {
            Status = AccountStatus.Active;
            MarkChanged();
        }
    }

    private static Account New(DateTimeOffset now)
    {
        var account = new Account
        {
            Key = Guid.NewGuid(),
            Roles = AccountRoles.User,
            Status = AccountStatus.Active,
            CreatedAt = now,
        };
        account.Raise(new AccountCreated(account.Key, now));
        return account;
    }

    private static string? CleanDisplayName(string? displayName)
    {
        var trimmed = displayName?.Trim();
        if (string.IsNullOrEmpty(trimmed))
        {
            return null;
        }

        if (trimmed.Length > MaxDisplayNameLength)
        {
            throw new DomainException(AccountErrors.DisplayNameTooLong);
        }

        return trimmed;
    }
}
