using Ardalis.Specification;
using AutoMapper;
using CleanGames.Application.Common.Mapping;
using CleanGames.Application.Identity.Common;
using CleanGames.Domain.Identity.Accounts;

namespace CleanGames.Application.Identity.Queries.SearchAccounts;

/// <summary>Accounts matching a search, newest first, projected to <see cref="AdminAccountRow"/> in the database.</summary>
public sealed class AccountSearchSpec : Specification<Account, AdminAccountRow>
{
    public AccountSearchSpec(IConfigurationProvider mapping, string? search, int skip, int take)
    {
        var text = search?.Trim();
        if (!string.IsNullOrEmpty(text))
        {
            var upper = text.ToUpperInvariant();
            var hasNumber = long.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number);
            Query.Where(a => (a.NormalizedEmail != null && a.NormalizedEmail.Contains(upper))
                             || (a.NormalizedUsername != null && a.NormalizedUsername.Contains(upper))
                             || (a.DisplayName != null && a.DisplayName.ToUpper().Contains(upper))
                             || (a.Telegram != null && a.Telegram.Username != null && a.Telegram.Username.ToUpper().Contains(upper))
                             || (hasNumber && (a.Id == number || (a.Telegram != null && a.Telegram.TelegramId == number))));
        }

        Query.OrderByDescending(a => a.Id).Skip(skip).Take(take).AsNoTracking();
        Query.Select(Projections.Of<Account, AdminAccountRow>(mapping));
    }
}
