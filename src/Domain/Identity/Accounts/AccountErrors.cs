using CleanGames.Domain.Common;

namespace CleanGames.Domain.Identity.Accounts;

public static class AccountErrors
{
    public static readonly DomainError DisplayNameRequired = new("identity.account.display_name_required", "A display name is required.");
    public static readonly DomainError DisplayNameTooLong = new("identity.account.display_name_too_long", $"A display name has at most {Account.MaxDisplayNameLength} characters.");
}
