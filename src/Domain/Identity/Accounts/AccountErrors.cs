using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Accounts;

public static class AccountErrors
{
    public static readonly DomainError DisplayNameTooLong = new("identity.account.display_name_too_long", $"A display name has at most {Account.MaxDisplayNameLength} characters.");
    public static readonly DomainError NoCredential = new("identity.account.no_credential", "An account needs an email, a username or a Telegram identity.");
    public static readonly DomainError Banned = DomainError.Forbidden("identity.account.banned", "This account is banned.");
}
