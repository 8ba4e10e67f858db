using Ardalis.Specification;
using CleanGames.Domain.Identity.Accounts;
using CleanGames.Domain.Identity.Sessions;

namespace CleanGames.Application.Identity.Common;

public sealed class AccountByLoginSpec : Specification<Account>
{
    /// <summary>A login is a username or an email, compared case-insensitively (a username in its canonical form too).</summary>
    public AccountByLoginSpec(string login)
    {
        var username = Account.NormalizeUsername(login);
        var email = Account.NormalizeEmail(login);
        Query.Where(a => (username != null && a.NormalizedUsername == username) || (email != null && a.NormalizedEmail == email));
    }
}

public sealed class AccountByEmailSpec : Specification<Account>
{
    public AccountByEmailSpec(string email)
    {
        var normalized = Account.NormalizeEmail(email);
        Query.Where(a => a.NormalizedEmail == normalized);
    }
}

public sealed class AccountTakenSpec : Specification<Account>
{
    public AccountTakenSpec(string? normalizedEmail, string? normalizedUsername) =>
        Query.Where(a => (normalizedEmail != null && a.NormalizedEmail == normalizedEmail)
                         || (normalizedUsername != null && a.NormalizedUsername == normalizedUsername));
}

public sealed class AccountByTelegramIdSpec : Specification<Account>
{
    public AccountByTelegramIdSpec(long telegramId) => Query.Where(a => a.Telegram != null && a.Telegram.TelegramId == telegramId);
}

public sealed class FamilyByTokenHashSpec : Specification<RefreshTokenFamily>
{
    /// <summary>The family whose current or previous token has <paramref name="hash"/> (both columns are indexed).</summary>
    public FamilyByTokenHashSpec(string hash) => Query.Where(f => f.CurrentTokenHash == hash || f.PreviousTokenHash == hash);
}
