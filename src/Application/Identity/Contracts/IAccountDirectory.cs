namespace CleanGames.Application.Identity.Contracts;

/// <summary>
/// What Identity tells other modules about accounts. They never read its tables or load the
/// <c>Account</c> aggregate (so Identity can change how accounts are stored); they ask this, and it
/// answers with untracked reads of only the columns asked for.
/// </summary>
public interface IAccountDirectory
{
    /// <summary>The account's contact details; null when no account has this id.</summary>
    Task<AccountContact?> FindContactAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>True while the sign-in session (refresh-token family) <paramref name="sessionId"/> is neither revoked (logout, reuse) nor expired.</summary>
    Task<bool> IsSessionActiveAsync(Guid sessionId, CancellationToken cancellationToken);

    /// <summary>The Telegram user id of the account's Telegram identity; null when it has none or does not exist.</summary>
    Task<long?> TelegramIdAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>True when the account exists and is banned.</summary>
    Task<bool> IsBannedAsync(long accountId, CancellationToken cancellationToken);

    /// <summary>
    /// The public names of those accounts that have one: the display name, else the username, else the
    /// Telegram first name or username (never the email, which is private). Accounts without one are left out.
    /// </summary>
    Task<IReadOnlyDictionary<long, string>> PublicNamesAsync(IReadOnlyCollection<long> accountIds, CancellationToken cancellationToken);
}

/// <summary>An account's contact details; <see cref="Email"/> is null when the account has none.</summary>
public sealed record AccountContact(long AccountId, string? Email);
