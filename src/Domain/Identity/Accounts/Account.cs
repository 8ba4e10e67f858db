using CleanGames.Domain.Common;
using CleanGames.Domain.Identity.Accounts.Events;

namespace CleanGames.Domain.Identity.Accounts;

/// <summary>
/// One person on the platform. Its id is the one user id on every surface (JWT <c>sub</c>,
/// <c>account_id</c>, <c>user_id</c>). Credentials hang off it; sign-in bookkeeping lives here so
/// that racing sign-ins are serialised on the account's version.
/// </summary>
public sealed class Account : AggregateRoot<long>
{
    public const int MaxDisplayNameLength = 64;

    private Account()
    {
        DisplayName = string.Empty;
    }

    private Account(Guid key, string displayName, DateTimeOffset now)
    {
        Key = key;
        DisplayName = displayName;
        Status = AccountStatus.Active;
        CreatedAt = now;
    }

    /// <summary>A random key known before the store assigns <see cref="Entity{TId}.Id"/>; lets events name the account.</summary>
    public Guid Key { get; private set; }

    public string DisplayName { get; private set; }

    public AccountStatus Status { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset? LastLoginAt { get; private set; }

    /// <summary>Failed sign-ins counted in the window that began at <see cref="FailedSignInWindowStartedAt"/>.</summary>
    public int FailedSignInCount { get; private set; }

    public DateTimeOffset? FailedSignInWindowStartedAt { get; private set; }

    public static Account Create(string displayName, DateTimeOffset now)
    {
        var account = new Account(Guid.NewGuid(), NormalizeDisplayName(displayName), now);
        account.Raise(new AccountCreated(account.Key, now));
        return account;
    }

    public void Rename(string displayName)
    {
        DisplayName = NormalizeDisplayName(displayName);
        MarkChanged();
    }

    public void RecordSignIn(DateTimeOffset now)
    {
        LastLoginAt = now;
        FailedSignInCount = 0;
        FailedSignInWindowStartedAt = null;
        MarkChanged();
    }

    /// <summary>
    /// Counts a failed sign-in in a fixed window and answers how many the window now holds. Every
    /// failure must count even when many arrive at once, or a throttle built on it leaks.
    /// </summary>
    public int RecordFailedSignIn(DateTimeOffset now, TimeSpan window)
    {
        if (FailedSignInWindowStartedAt is null || now - FailedSignInWindowStartedAt.Value >= window)
        {
            FailedSignInWindowStartedAt = now;
            FailedSignInCount = 0;
        }

        FailedSignInCount++;
        MarkChanged();
        return FailedSignInCount;
    }

    private static string NormalizeDisplayName(string displayName)
    {
        var trimmed = displayName?.Trim() ?? string.Empty;
        if (trimmed.Length == 0)
        {
            throw new DomainException(AccountErrors.DisplayNameRequired);
        }

        if (trimmed.Length > MaxDisplayNameLength)
        {
            throw new DomainException(AccountErrors.DisplayNameTooLong);
        }

        return trimmed;
    }
}
